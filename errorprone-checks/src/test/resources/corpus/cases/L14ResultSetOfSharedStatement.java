// leaky: a result set of a long-lived statement never closed
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

class L14ResultSetOfSharedStatement {
  int first(Statement shared) throws SQLException {
    ResultSet rs = shared.executeQuery("select x from t"); // LEAK
    return rs.next() ? rs.getInt(1) : -1;
  }
}
