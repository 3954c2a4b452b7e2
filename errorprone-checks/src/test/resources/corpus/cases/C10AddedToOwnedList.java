// correct: registered in a list the class closes later
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

class C10AddedToOwnedList {
  private final List<Closeable> open = new ArrayList<>();
  void track(File f) throws IOException {
    open.add(new FileInputStream(f));
  }
}
