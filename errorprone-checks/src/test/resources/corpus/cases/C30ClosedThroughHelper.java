// correct: close() delegates to a private helper that closes the field
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

class C30ClosedThroughHelper {
  static final class Client implements Closeable {
    @Owning private final Socket socket;
    Client(@Owning Socket socket) { this.socket = socket; }
    @Override public void close() throws IOException { shutdown(); }
    private void shutdown() throws IOException { socket.close(); }
  }
}
