// leaky: a client socket written to and dropped
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

class L09SocketNeverClosed {
  void ping(String host) throws IOException {
    Socket s = new Socket(host, 7); // LEAK
    s.getOutputStream().write(1);
  }
}
