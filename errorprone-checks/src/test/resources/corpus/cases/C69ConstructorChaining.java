// correct: this(new FileOutputStream(f)) chains into the constructor that owns the stream
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

class C69ConstructorChaining {
  static final class Log implements Closeable {
    private final OutputStream out;
    Log(File f) throws IOException { this(new FileOutputStream(f)); }
    Log(OutputStream out) { this.out = out; }
    @Override public void close() throws IOException { out.close(); }
  }
}
