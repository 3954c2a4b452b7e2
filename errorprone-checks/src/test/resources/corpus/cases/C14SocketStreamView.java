// correct: the socket owner closes the socket; its stream views are not closed here
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

class C14SocketStreamView {
  String readLine(Socket socket) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(socket.getInputStream()));
    return r.readLine();
  }
}
