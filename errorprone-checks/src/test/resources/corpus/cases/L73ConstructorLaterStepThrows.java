// leaky: the constructor stores a socket, then a later step throws and the object is lost
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

class L73ConstructorLaterStepThrows {
  static final class Conn implements Closeable {
    private final Socket socket;
    private final OutputStream out;
    Conn(String host) throws IOException {
      socket = new Socket(host, 80); // LEAK
      out = socket.getOutputStream();
    }
    @Override public void close() throws IOException { socket.close(); }
  }
}
