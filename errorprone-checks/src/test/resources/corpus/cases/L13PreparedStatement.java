// leaky: a prepared statement closed only on success
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

class L13PreparedStatement {
  void insert(Connection c, int x) throws SQLException {
    PreparedStatement ps = c.prepareStatement("insert into t values (?)"); // LEAK
    ps.setInt(1, x);
    ps.executeUpdate();
    ps.close();
  }
}
