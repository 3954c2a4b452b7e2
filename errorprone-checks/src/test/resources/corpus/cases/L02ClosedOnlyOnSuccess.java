// leaky: closed after a read that can throw, without finally
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

class L02ClosedOnlyOnSuccess {
  int first(File f) throws IOException {
    InputStream in = new FileInputStream(f); // LEAK
    int b = in.read();
    in.close();
    return b;
  }
}
