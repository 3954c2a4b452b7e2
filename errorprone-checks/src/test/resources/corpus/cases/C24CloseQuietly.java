// correct: closed by a static helper in finally
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

class C24CloseQuietly {
  static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // best effort
    }
  }
  int first(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    try {
      return in.read();
    } finally {
      closeQuietly(in);
    }
  }
}
