// correct: opened and closed in the same branch
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

class C42BranchOpenClose {
  int first(File f, boolean read) throws IOException {
    if (read) {
      InputStream in = new FileInputStream(f);
      try {
        return in.read();
      } finally {
        in.close();
      }
    }
    return -1;
  }
}
