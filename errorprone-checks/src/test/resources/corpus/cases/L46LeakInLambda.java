// leaky: a leak inside a lambda body (lambda bodies are not analysed)
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

class L46LeakInLambda {
  Runnable task(File f) {
    return () -> {
      try {
        InputStream in = new FileInputStream(f); // LEAK
        in.read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
