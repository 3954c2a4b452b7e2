// correct: close() closes both the compressor and the backing store
// mined: apache/commons-compress 85184c3a8 (ScatterZipOutputStream.close, after the fix), rewritten as a minimal case
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
class C50MinedCloseForgetsField implements Closeable {
  private final FileOutputStream backing;
  private final DeflaterOutputStream compressor;

  C50MinedCloseForgetsField(File f) throws IOException {
    backing = new FileOutputStream(f);
    compressor = new DeflaterOutputStream(backing);
  }

  void add(byte[] data) throws IOException {
    compressor.write(data);
  }

  @Override
  public void close() throws IOException {
    try {
      compressor.close();
    } finally {
      backing.close();
    }
  }
}
