// correct: Java 9 try-with-resources on an existing variable
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

class C32TryWithExistingVariable {
  int first(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    try (in) {
      return in.read();
    }
  }
}
