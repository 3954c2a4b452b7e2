// leaky: close() closes one owned field and forgets the other
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

class L33FieldForgottenInClose {
  static final class Pair implements Closeable {
    private final InputStream in;
    private final OutputStream out; // LEAK
    Pair(File a, File b) throws IOException {
      in = new FileInputStream(a); // LEAK (lost when the next line throws)
      out = new FileOutputStream(b);
    }
    @Override public void close() throws IOException {
      in.close();
    }
  }
}
