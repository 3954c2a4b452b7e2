package dev.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Stateful;
import dev.lifecycle.testing.LeakChecked;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Random session scripts (statements, commits, rollbacks, SQL errors, user failures, closes)
 * against a model of what is committed: the database holds exactly the committed rows whenever no
 * session is open, and no connection stays open.
 */
// The FD count is process-wide and test classes run concurrently: another class's H2 or
// HikariCP use (or class loading) moves it, so only resources and threads are judged here.
@LeakChecked(fileDescriptors = false)
final class SessionStatefulTest {
  private static final Tracker TRACKER =
      Tracker.newBuilder().name("session-stateful").level(DetectionLevel.SAMPLED).build();

  @AfterAll
  static void stopTracker() {
    TRACKER.close();
  }

  /** What should be in the database: committed rows, and the open session's pending writes. */
  static final class Model {
    final Map<Long, String> committed = new TreeMap<>();
    final Map<Long, String> pending = new HashMap<>(); // "" marks a delete
    boolean open;
    int writes;
  }

  /** The system: a tracked data source over a fresh database, and the open session if any. */
  static final class Db implements AutoCloseable {
    final JdbcDataSource h2;
    final TrackedDataSource ds;
    final SessionFactory sessions;
    Session session;

    Db() {
      try {
        h2 = H2.database();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      ds = TrackedDataSource.wrap(h2, JdbcOptions.newBuilder().name("stateful").tracker(TRACKER).jmx(false).build());
      sessions = SessionFactory.newBuilder(ds).statementCacheSize(2).identityMapSize(2).build();
    }

    Map<Long, String> rows() throws SQLException {
      Map<Long, String> rows = new TreeMap<>();
      try (Connection c = h2.getConnection();
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select id, name from item")) {
        while (r.next()) {
          rows.put(r.getLong(1), r.getString(2));
        }
      }
      return rows;
    }

    @Override
    public void close() throws SQLException {
      if (session != null) {
        session.close();
      }
      assertThat(ds.liveConnections()).isZero();
      ds.close();
    }
  }

  private static void endSession(Model m) {
    m.pending.clear();
    m.open = false;
  }

  @Test
  void sessionScripts_matchTheModel_andLeaveNothingOpen() {
    Stateful.<Model, Db>of(Model::new, Db::new)
        .action(
            "open",
            m -> !m.open,
            (m, db) -> {
              db.session = db.sessions.open();
              m.open = true;
            })
        .action(
            "upsert",
            m -> m.open,
            m -> Gen.longs(0, 4),
            (m, db, id) -> {
              m.writes++;
              String name = "v" + m.writes;
              db.session.update("merge into item values (?, ?)", id, name);
              m.pending.put(id, name);
            })
        .action(
            "delete",
            m -> m.open,
            m -> Gen.longs(0, 4),
            (m, db, id) -> {
              db.session.update("delete from item where id = ?", id);
              m.pending.put(id, "");
            })
        .action(
            "find",
            m -> m.open,
            m -> Gen.longs(0, 4),
            (m, db, id) -> {
              String expected = m.pending.containsKey(id) ? m.pending.get(id) : m.committed.getOrDefault(id, "");
              assertThat(db.session.find("item", id).map(row -> (String) row.get("name")).orElse("")).isEqualTo(expected);
            })
        .action(
            "sql error",
            m -> m.open,
            (m, db) ->
                assertThatThrownBy(() -> db.session.update("insert into missing_table values (1)"))
                    .isInstanceOf(SQLException.class))
        .action(
            "commit",
            m -> m.open,
            (m, db) -> {
              db.session.commit();
              m.pending.forEach((id, name) -> {
                if (name.isEmpty()) {
                  m.committed.remove(id);
                } else {
                  m.committed.put(id, name);
                }
              });
              m.pending.clear();
            })
        .action(
            "rollback",
            m -> m.open,
            (m, db) -> {
              db.session.rollback();
              m.pending.clear();
            })
        .action(
            "close",
            m -> m.open,
            (m, db) -> {
              db.session.close();
              db.session = null;
              endSession(m);
            })
        .action(
            "user failure in a scope",
            m -> m.open,
            (m, db) -> {
              Session owned = db.session;
              db.session = null;
              assertThatThrownBy(
                      () -> {
                        try (Scope request = Scope.open("request", TRACKER)) {
                          request.own(owned);
                          throw new IllegalStateException("user code failed");
                        }
                      })
                  .hasMessage("user code failed");
              assertThat(owned.isOpen()).isFalse();
              endSession(m);
            })
        .invariant(
            "committed rows, when no session is open",
            (m, db) -> {
              if (!m.open) {
                assertThat(db.rows()).isEqualTo(m.committed);
              }
            })
        .invariant(
            "connections",
            (m, db) -> assertThat(db.ds.liveConnections()).isLessThanOrEqualTo(m.open ? 1 : 0))
        .tries(100)
        .maxSteps(30)
        .check();
  }
}
