// leaky: getResourceAsStream never closed
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

class L38ResourceAsStream {
  Properties load() throws IOException {
    Properties p = new Properties();
    InputStream in = getClass().getResourceAsStream("/app.properties"); // LEAK
    p.load(in);
    return p;
  }
}
