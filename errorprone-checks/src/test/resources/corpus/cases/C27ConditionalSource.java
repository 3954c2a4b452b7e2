// correct: one of two sources, in try-with-resources
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

class C27ConditionalSource {
  int first(File f, boolean fromFile) throws IOException {
    try (InputStream in = fromFile ? new FileInputStream(f) : new ByteArrayInputStream(new byte[1])) {
      return in.read();
    }
  }
}
