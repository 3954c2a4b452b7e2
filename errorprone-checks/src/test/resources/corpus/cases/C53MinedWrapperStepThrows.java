// correct: the connection is closed when building its JMX name throws
// mined: apache/commons-dbcp 3525750a (PoolableConnectionFactory.makeObject, after the fix), rewritten as a minimal case
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
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

class C53MinedWrapperStepThrows {
  record Named(Connection connection, ObjectName name) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  Named make(DataSource ds, String base, long index) throws SQLException {
    Connection conn = ds.getConnection();
    ObjectName name;
    try {
      name = new ObjectName(base + ",connection=" + index);
    } catch (MalformedObjectNameException e) {
      conn.close();
      throw new SQLException(base, e);
    }
    return new Named(conn, name);
  }
}
