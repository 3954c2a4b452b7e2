// correct: a server socket field closed by stop()
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

class C73StoppedServer {
  static final class Server {
    private final ServerSocket server;
    Server(int port) throws IOException { server = new ServerSocket(port); }
    void stop() throws IOException { server.close(); }
  }
}
