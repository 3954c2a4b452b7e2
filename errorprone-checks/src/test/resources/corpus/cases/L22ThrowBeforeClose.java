// leaky: a validation throw skips close
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

class L22ThrowBeforeClose {
  void copy(File from, OutputStream to) throws IOException {
    InputStream in = new FileInputStream(from); // LEAK
    if (from.length() > 1_000_000) {
      throw new IllegalArgumentException("too big: " + from);
    }
    in.transferTo(to);
    in.close();
  }
}
