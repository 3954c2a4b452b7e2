// leaky: a Permit leaked when the work throws
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

class L20PermitOnException {
  interface Permits { Permit acquire(String key); }
  void send(Permits permits, OutputStream out) throws IOException {
    Permit permit = permits.acquire("mx.example.org"); // LEAK
    out.write(1);
    permit.close();
  }
}
