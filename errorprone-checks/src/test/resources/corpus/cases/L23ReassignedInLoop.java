// leaky: a stream reassigned in a loop: all but the last leak
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

class L23ReassignedInLoop {
  void touchAll(List<File> files) throws IOException {
    InputStream in = null;
    for (File f : files) {
      in = new FileInputStream(f); // LEAK
      in.read();
    }
    if (in != null) {
      in.close();
    }
  }
}
