// correct: each file closed in the loop
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

class C33LoopOfTwr {
  int sum(List<File> files) throws IOException {
    int total = 0;
    for (File f : files) {
      try (InputStream in = new FileInputStream(f)) {
        total += in.read();
      }
    }
    return total;
  }
}
