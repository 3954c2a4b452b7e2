// correct: a @MustBeClosed factory used in try-with-resources
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

class C45MustBeClosedTwr {
  static final class Handle implements AutoCloseable {
    @com.google.errorprone.annotations.MustBeClosed
    static Handle open() { return new Handle(); }
    void use() {}
    @Override public void close() {}
  }
  void work() {
    try (Handle h = Handle.open()) {
      h.use();
    }
  }
}
