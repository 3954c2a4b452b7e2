// correct: a helper configures the socket and returns it
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

class C71HelperReturnsArgument {
  static ServerSocket init(ServerSocket s) { return s; }
  ServerSocket open(int port) throws IOException { return init(new ServerSocket(port)); }
}
