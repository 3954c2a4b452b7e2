// correct: stored in an array field closed by close()
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

class C39ArrayField {
  static final class Files2 implements Closeable {
    private final InputStream[] streams = new InputStream[2];
    void open(File a) throws IOException { streams[0] = new FileInputStream(a); }
    @Override public void close() throws IOException {
      for (InputStream s : streams) {
        if (s != null) {
          s.close();
        }
      }
    }
  }
}
