// leaky: a server loop that never returns normally leaks each accepted socket
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

class L68NeverReturns {
  void serve(ServerSocket ss) throws IOException {
    while (true) {
      Socket s = ss.accept(); // LEAK
      s.getOutputStream().write(1);
    }
  }
}
