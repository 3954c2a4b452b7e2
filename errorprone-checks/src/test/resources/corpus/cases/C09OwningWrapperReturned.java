// correct: a wrapper class that owns the socket is returned
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

class C09OwningWrapperReturned {
  static final class Connection implements Closeable {
    @Owning private final Socket socket;
    Connection(@Owning Socket socket) { this.socket = socket; }
    @Override public void close() throws IOException { socket.close(); }
  }
  Connection connect(String host) throws IOException {
    Socket s = new Socket(host, 80);
    return new Connection(s);
  }
}
