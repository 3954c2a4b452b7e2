// correct: captured by a shutdown hook that closes it
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

class C23CapturedByShutdownHook {
  void keepUntilExit(File f) throws IOException {
    OutputStream out = new FileOutputStream(f);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        out.close();
      } catch (IOException e) {
        // exiting anyway
      }
    }));
  }
}
