package dev.lifecycle.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** lifecycle-jdbc's sessions and tracked connections must be closed, as any resource. */
final class JdbcTypesTest {
  @Test
  void sessionsAndTrackedConnections_mustBeClosed() {
    CompilationTestHelper.newInstance(UnclosedResource.class, getClass())
        .setArgs("-XepOpt:Lifecycle:FailOnAnalysisError=true")
        .addSourceLines(
            "dev/lifecycle/jdbc/Session.java",
            "package dev.lifecycle.jdbc;",
            "import java.sql.*;",
            "public final class Session implements AutoCloseable {",
            "  Session() {}",
            "  public Connection connection() throws SQLException { throw new UnsupportedOperationException(); }",
            "  public int update(String sql, Object... parameters) throws SQLException { return 0; }",
            "  public void commit() throws SQLException {}",
            "  @Override public void close() throws SQLException {}",
            "}")
        .addSourceLines(
            "dev/lifecycle/jdbc/SessionFactory.java",
            "package dev.lifecycle.jdbc;",
            "public final class SessionFactory {",
            "  public Session open() { return new Session(); }",
            "}")
        .addSourceLines(
            "dev/lifecycle/jdbc/TrackedDataSource.java",
            "package dev.lifecycle.jdbc;",
            "import java.io.PrintWriter;",
            "import java.sql.*;",
            "import java.util.logging.Logger;",
            "import javax.sql.DataSource;",
            "public abstract class TrackedDataSource implements DataSource, AutoCloseable {",
            "  @Override public abstract Connection getConnection() throws SQLException;",
            "  @Override public void close() {}",
            "}")
        .addSourceLines(
            "Jdbc.java",
            "import dev.lifecycle.jdbc.*;",
            "import java.sql.*;",
            "class Jdbc {",
            "  void sessionNotClosed(SessionFactory sessions) throws SQLException {",
            "    // BUG: Diagnostic contains: `open(..)` is not closed",
            "    Session s = sessions.open();",
            "    s.update(\"delete from t\");",
            "    s.commit();",
            "  }",
            "  void sessionClosed(SessionFactory sessions) throws SQLException {",
            "    try (Session s = sessions.open()) {",
            "      Connection c = s.connection();",
            "      c.getMetaData();",
            "      s.commit();",
            "    }",
            "  }",
            "  void trackedConnectionNotClosed(TrackedDataSource ds) throws SQLException {",
            "    // BUG: Diagnostic contains: `getConnection(..)` is not closed",
            "    Connection c = ds.getConnection();",
            "    c.getMetaData();",
            "  }",
            "}")
        .doTest();
  }
}
