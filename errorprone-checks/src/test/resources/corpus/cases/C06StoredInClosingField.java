// correct: stored in a field of a class whose close() closes it
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

class C06StoredInClosingField {
  static final class Log implements Closeable {
    private final Writer out;
    Log(File f) throws IOException {
      out = new FileWriter(f);
    }
    @Override public void close() throws IOException {
      out.close();
    }
  }
}
