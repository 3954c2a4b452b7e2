// correct: a helper closes what it is given (parameters are borrowed by default)
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

class C46CalleeCloses {
  static int readAndClose(InputStream in) throws IOException {
    try (in) {
      return in.read();
    }
  }
  int first(File f) throws IOException {
    return readAndClose(new FileInputStream(f));
  }
}
