// correct: the statement is closed when configuring it throws, returned otherwise
// mined: apache/commons-dbutils 2b6f867 (AbstractQueryRunner.prepareStatement, after the fix), rewritten as a minimal case
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
class C52MinedConfigureThrows {
  private final int fetchSize = 100;

  PreparedStatement prepare(Connection conn, String sql) throws SQLException {
    PreparedStatement ps = conn.prepareStatement(sql);
    try {
      ps.setFetchSize(fetchSize);
      ps.setQueryTimeout(30);
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
    return ps;
  }
}
