// leaky: the statement is returned on success but not closed when configuring it throws
// mined: apache/commons-dbutils 2b6f867 (AbstractQueryRunner.prepareStatement), rewritten as a minimal case
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
class L52MinedConfigureThrows {
  private final int fetchSize = 100;

  PreparedStatement prepare(Connection conn, String sql) throws SQLException {
    PreparedStatement ps = conn.prepareStatement(sql); // LEAK
    ps.setFetchSize(fetchSize);
    ps.setQueryTimeout(30);
    return ps;
  }
}
