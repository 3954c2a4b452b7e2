// leaky: a resource released from a scope and dropped
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

class L26ReleasedNotClosed {
  void detach(Scope scope, InputStream in) throws IOException {
    InputStream mine = scope.release(in); // LEAK
    mine.read();
  }
}
