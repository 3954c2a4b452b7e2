// leaky: a @MustBeClosed factory result not closed
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

class L45MustBeClosedFactory {
  static final class Handle implements AutoCloseable {
    @com.google.errorprone.annotations.MustBeClosed
    static Handle open() { return new Handle(); }
    void use() {}
    @Override public void close() {}
  }
  void work() {
    Handle h = Handle.open(); // LEAK
    h.use();
  }
}
