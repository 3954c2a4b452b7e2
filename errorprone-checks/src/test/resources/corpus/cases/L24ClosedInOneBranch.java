// leaky: closed on one branch only
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

class L24ClosedInOneBranch {
  void maybe(File f, boolean keep) throws IOException {
    InputStream in = new FileInputStream(f); // LEAK
    if (!keep) {
      in.close();
    }
  }
}
