// leaky: close() closes the backing file but forgets the compressor over it (its Deflater is never ended)
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
  private final FileOutputStream backing;
  private final DeflaterOutputStream compressor; // LEAK

  L50MinedCloseForgetsField(File f) throws IOException {
    backing = new FileOutputStream(f);
    compressor = new DeflaterOutputStream(backing);
  }

  void add(byte[] data) throws IOException {
    compressor.write(data);
  }

  @Override
  public void close() throws IOException {
    backing.close();
  }
}
