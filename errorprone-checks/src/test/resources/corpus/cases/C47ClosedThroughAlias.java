// correct: closed through a second variable
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

class C47ClosedThroughAlias {
  int first(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    Closeable handle = in;
    try {
      return in.read();
    } finally {
      handle.close();
    }
  }
}
