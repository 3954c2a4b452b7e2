package dev.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.testing.LeakChecked;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

// The FD count is process-wide and test classes run concurrently: another class's H2 or
// HikariCP use (or class loading) moves it, so only resources and threads are judged here.
@LeakChecked(fileDescriptors = false)
final class SessionTest {
  private static final Tracker TRACKER =
      Tracker.newBuilder().name("session-test").level(DetectionLevel.SAMPLED).build();

  @AfterAll
  static void stopTracker() {
    TRACKER.close();
  }

  private static TrackedDataSource h2(String name) throws SQLException {
    return TrackedDataSource.wrap(H2.database(), JdbcOptions.newBuilder().name(name).tracker(TRACKER).build());
  }

  private static long count(TrackedDataSource ds, long id) throws SQLException {
    try (Session check = SessionFactory.of(ds).open()) {
      return check.query("select count(*) from item where id = ?", row -> row.getLong(1), id).get(0);
    }
  }

  @Test
  void commit_keepsTheWork_andCloseWithoutCommit_rollsBack() throws SQLException {
    try (TrackedDataSource ds = h2("commit")) {
      SessionFactory sessions = SessionFactory.of(ds);
      try (Session db = sessions.open()) {
        db.update("insert into item values (?, ?)", 1, "kept");
        db.commit();
        db.update("insert into item values (?, ?)", 2, "dropped");
        assertThat(db.hasUncommittedWork()).isTrue();
      }
      assertThat(count(ds, 1)).isEqualTo(1);
      assertThat(count(ds, 2)).isZero();
      assertThat(ds.liveConnections()).isZero();
    }
  }

  @Test
  void find_loadsARowOnce_updateForgetsIt() throws SQLException {
    try (TrackedDataSource ds = h2("find");
        Session db = SessionFactory.of(ds).open()) {
      db.update("insert into item values (?, ?)", 42, "answer");
      Optional<Map<String, Object>> first = db.find("item", 42);
      assertThat(first).hasValueSatisfying(row -> assertThat(row).containsEntry("name", "answer").containsEntry("id", 42L));
      assertThat(db.find("ITEM", 42L).orElseThrow()).isSameAs(first.orElseThrow());
      db.update("update item set name = ? where id = ?", "changed", 42);
      assertThat(db.find("item", 42).orElseThrow()).containsEntry("name", "changed");
      assertThat(db.find("item", 7)).isEmpty();
      assertThatThrownBy(() -> db.find("item; drop table item", 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("table must be a plain SQL identifier: \"item; drop table item\"");
    }
  }

  @Test
  void statementCache_isBounded_andEvictedStatementsAreClosed() throws SQLException {
    try (TrackedDataSource ds = h2("cache")) {
      SessionFactory sessions = SessionFactory.newBuilder(ds).statementCacheSize(2).build();
      Session db = sessions.open();
      {
        PreparedStatement one = db.statement("select 1");
        assertThat(db.statement("select 1")).isSameAs(one);
        PreparedStatement two = db.statement("select 2");
        db.statement("select 3");
        assertThat(one.isClosed()).isTrue();
        assertThat(two.isClosed()).isFalse();
        db.close();
        assertThat(two.isClosed()).isTrue();
      }
    }
  }

  @Test
  void close_whenRollbackFails_stillReturnsTheConnectionAndThrows() throws SQLException {
    Faults faults = new Faults(H2.database());
    try (TrackedDataSource ds = TrackedDataSource.wrap(faults, JdbcOptions.newBuilder().name("faults").tracker(TRACKER).build())) {
      Session db = SessionFactory.of(ds).open();
      db.query("select 1", row -> row.getInt(1));
      faults.failing.add("rollback");
      assertThatThrownBy(db::close).isInstanceOf(SQLException.class).hasMessage("injected failure of rollback");
      assertThat(ds.liveConnections()).isZero();
      assertThat(db.isOpen()).isFalse();
    }
  }

  @Test
  void misuse_nestingUseAfterCloseAndOtherThread_failClearly() throws Exception {
    try (TrackedDataSource ds = h2("misuse")) {
      SessionFactory sessions = SessionFactory.of(ds);
      Session db = sessions.open();
      assertThatThrownBy(sessions::open)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("a session of session factory \"misuse\" is already open on thread ")
          .hasMessageEndingWith("; sessions do not nest: pass the open session down, or commit and close it first");
      Throwable other =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      db.query("select 1", row -> 1);
                      return null;
                    } catch (Throwable t) {
                      return t;
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      assertThat(other)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(" was opened on thread " + Thread.currentThread().getName() + " and is used from thread ")
          .hasMessageEndingWith("a session belongs to the thread of its request: open one session per thread");
      db.close();
      assertThatThrownBy(db::commit)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageMatching("jdbc\\.Session#\\p{XDigit}+ is closed: closed at .+ by thread .+; do not use a resource after close\\(\\)");
      try (Session next = sessions.open()) { // closed: a new one may open
        assertThat(next.isOpen()).isTrue();
      }
    }
  }

  @Test
  void ownedByAScope_userFailureBetweenStatements_rollsBackAndReturnsTheConnection() throws SQLException {
    try (TrackedDataSource ds = h2("scope")) {
      SessionFactory sessions = SessionFactory.of(ds);
      assertThatThrownBy(
              () -> {
                try (Scope request = Scope.open("POST /items", TRACKER)) {
                  Session db = sessions.open(request);
                  db.update("insert into item values (?, ?)", 5, "half done");
                  assertThat(ds.openConnections()).singleElement().satisfies(c -> assertThat(c.owner()).isEqualTo("POST /items"));
                  throw new IllegalStateException("user code failed between statements");
                }
              })
          .hasMessage("user code failed between statements");
      assertThat(ds.liveConnections()).isZero();
      assertThat(count(ds, 5)).isZero();
    }
  }

  /** Opens a session, does uncommitted work and drops it, in a frame of its own. */
  private static void openAndDrop(SessionFactory sessions) throws SQLException {
    Session db = sessions.open();
    db.update("insert into item values (?, ?)", 9, "dropped");
  }

  // Drops a session on purpose to test the leak report: the leak check would report it too.
  @LeakChecked(resources = false, fileDescriptors = false)
  @Test
  void dropped_isReclaimed_rolledBackAndItsConnectionReturned() throws SQLException {
    try (TrackedDataSource ds = h2("dropped-session")) {
      SessionFactory sessions = SessionFactory.of(ds);
      openAndDrop(sessions);
      assertThat(ds.liveConnections()).isEqualTo(1);
      assertThat(H2.eventually(Duration.ofSeconds(20), true, () -> ds.liveConnections() == 0)).isTrue();
      assertThat(count(ds, 9)).isZero();
      assertThat(ds.leakedConnections()).isZero(); // the session was reclaimed, and it closed its connection
      List<Object> none = List.of();
      assertThat(ds.openConnections()).isEqualTo(none);
    }
  }
}
