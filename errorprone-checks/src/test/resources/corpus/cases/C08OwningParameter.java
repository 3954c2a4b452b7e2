// correct: handed to an @Owning parameter
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

class C08OwningParameter {
  static final class Sink {
    static void adopt(@Owning Closeable c) {}
  }
  void give(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    Sink.adopt(in);
  }
}
