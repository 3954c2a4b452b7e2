// leaky: the XA connection is lost when getConnection throws, and its connection handle when getXAResource throws
// (XAConnection is a PooledConnection: it has close() but is not AutoCloseable, so only the handle's line can be found)
// mined: apache/commons-dbcp 58ff111a (DataSourceXAConnectionFactory.createConnection), rewritten as a minimal case
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

class L54MinedPooledConnection {
  final Map<Connection, XAResource> registry = new HashMap<>();

  Connection create(XADataSource xa) throws SQLException {
    XAConnection x = xa.getXAConnection(); // LEAK
    Connection c = x.getConnection(); // LEAK
    registry.put(c, x.getXAResource());
    return c;
  }
}
