// correct: the JDK closes a socket whose connect fails
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

class C72SocketConnect {
  Socket connect(Proxy proxy, SocketAddress address) throws IOException {
    Socket s = new Socket(proxy);
    s.connect(address);
    return s;
  }
}
