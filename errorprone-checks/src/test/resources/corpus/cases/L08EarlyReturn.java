// leaky: an early return skips close
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

class L08EarlyReturn {
  void write(Path p, byte[] data) throws IOException {
    OutputStream out = Files.newOutputStream(p); // LEAK
    if (data.length == 0) {
      return;
    }
    try {
      out.write(data);
    } finally {
      out.close();
    }
  }
}
