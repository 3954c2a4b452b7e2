// correct: declared null, opened in try, closed in a null-checked finally
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

class C03NullCheckedFinally {
  int first(File f) throws IOException {
    InputStream in = null;
    try {
      in = new FileInputStream(f);
      return in.read();
    } finally {
      if (in != null) {
        in.close();
      }
    }
  }
}
