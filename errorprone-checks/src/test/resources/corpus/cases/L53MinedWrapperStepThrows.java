// leaky: a connection is lost when building its JMX name throws before it is wrapped
// mined: apache/commons-dbcp 3525750a (PoolableConnectionFactory.makeObject), rewritten as a minimal case
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

class L53MinedWrapperStepThrows {
  record Named(Connection connection, ObjectName name) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  Named make(DataSource ds, String base, long index) throws SQLException, MalformedObjectNameException {
    Connection conn = ds.getConnection(); // LEAK
    ObjectName name = new ObjectName(base + ",connection=" + index);
    return new Named(conn, name);
  }
}
