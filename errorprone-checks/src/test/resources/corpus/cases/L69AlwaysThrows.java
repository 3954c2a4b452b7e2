// leaky: a method that always throws skips close
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

class L69AlwaysThrows {
  void fail(File f) throws IOException {
    InputStream in = new FileInputStream(f); // LEAK
    in.read();
    throw new IOException("always");
  }
}
