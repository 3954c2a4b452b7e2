// correct: the connection handle and the XA connection are closed when getting either throws
// mined: apache/commons-dbcp 58ff111a (DataSourceXAConnectionFactory.createConnection, after the fix), rewritten as a minimal case
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
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;

class C54MinedPooledConnection {
  final Map<Connection, XAResource> registry = new HashMap<>();

  Connection create(XADataSource xa) throws SQLException {
    XAConnection x = xa.getXAConnection();
    Connection c = null;
    XAResource r;
    try {
      c = x.getConnection();
      r = x.getXAResource();
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // the original failure is the one to report
        }
      }
      x.close();
      throw e;
    }
    registry.put(c, r);
    return c;
  }
}
