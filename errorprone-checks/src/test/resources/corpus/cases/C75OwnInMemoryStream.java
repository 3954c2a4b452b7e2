// correct: a project's own in-memory stream holds nothing to release
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

class C75OwnInMemoryStream {
  static final class Zero extends InputStream {
    @Override public int read() { return 0; }
  }
  int first() throws IOException {
    InputStream in = new Zero();
    return in.read();
  }
}
