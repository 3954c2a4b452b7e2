// leaky: close() closes the backing store but forgets the compressor it created
// mined: apache/commons-compress 85184c3a8 (ScatterZipOutputStream.close), rewritten as a minimal case
import dev.lifecycle.core.*;
import dev.lifecycle.jdbc.Session;
import java.io.*;
import java.net.*;
import java.nio.channels.*;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.jar.JarFile;
import java.util.stream.*;
import java.util.zip.*;
import javax.sql.DataSource;
class L50MinedCloseForgetsField implements Closeable {
  private final RandomAccessFile backing;
  private final DeflaterOutputStream compressor; // LEAK

  L50MinedCloseForgetsField(File f) throws IOException {
    backing = new RandomAccessFile(f, "rw");
    compressor = new DeflaterOutputStream(new FileOutputStream(backing.getFD()));
  }

  void add(byte[] data) throws IOException {
    compressor.write(data);
  }

  @Override
  public void close() throws IOException {
    backing.close();
  }
}
