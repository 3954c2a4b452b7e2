// correct: a statement's connection belongs to whoever opened the statement
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

class C70StatementConnection {
  String product(Statement st) throws SQLException {
    Connection c = st.getConnection();
    return c.getMetaData().getDatabaseProductName();
  }
}
