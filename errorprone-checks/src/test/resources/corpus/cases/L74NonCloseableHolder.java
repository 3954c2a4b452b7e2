// leaky: an object that is not AutoCloseable cannot close the stream it is given
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

class L74NonCloseableHolder {
  static final class Source { final InputStream in; Source(InputStream in) { this.in = in; } }
  int parse(File f) throws IOException {
    Source s = new Source(new FileInputStream(f)); // LEAK
    return s.in.read();
  }
}
