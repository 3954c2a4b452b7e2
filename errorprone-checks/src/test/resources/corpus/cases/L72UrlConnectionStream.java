// leaky: URLConnection.getInputStream returns a fresh stream
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

class L72UrlConnectionStream {
  int first(URL url) throws IOException {
    URLConnection c = url.openConnection();
    InputStream in = c.getInputStream(); // LEAK
    return in.read();
  }
}
