// leaky: a catch returns without closing
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

class L43ReturnInCatch {
  int parse(File f) throws IOException {
    InputStream in = new FileInputStream(f); // LEAK
    try {
      return in.read();
    } catch (IOException e) {
      return -1;
    } finally {
      if (f.getName().isEmpty()) {
        in.close();
      }
    }
  }
}
