// correct: cached in a map owned by the class
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

class C44StoredInMap {
  private final Map<String, Connection> connections = new HashMap<>();
  Connection forTenant(String url) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    connections.put(url, c);
    return c;
  }
}
