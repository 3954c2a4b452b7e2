// correct: a pooled connection closed in finally
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

class C40ConnectionFinally {
  String product(DataSource ds) throws SQLException {
    Connection c = ds.getConnection();
    try {
      return c.getMetaData().getDatabaseProductName();
    } finally {
      c.close();
    }
  }
}
