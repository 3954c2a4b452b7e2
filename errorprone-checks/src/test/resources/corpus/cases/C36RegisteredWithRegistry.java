// correct: registered with a registry that owns it
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

class C36RegisteredWithRegistry {
  interface Registry { void register(AutoCloseable resource); }
  void open(Registry registry, File f) throws IOException {
    InputStream in = new FileInputStream(f);
    registry.register(in);
  }
}
