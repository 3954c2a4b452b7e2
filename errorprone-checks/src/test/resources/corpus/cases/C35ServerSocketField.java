// correct: a server socket field closed by close()
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

class C35ServerSocketField {
  static final class Server implements Closeable {
    private final ServerSocket socket;
    Server(int port) throws IOException { socket = new ServerSocket(port); }
    @Override public void close() throws IOException { socket.close(); }
  }
}
