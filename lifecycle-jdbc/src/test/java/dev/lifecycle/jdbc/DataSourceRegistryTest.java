package dev.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.Lease;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.testing.LeakChecked;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

// The FD count is process-wide and test classes run concurrently: another class's H2 or
// HikariCP use (or class loading) moves it, so only resources and threads are judged here.
@LeakChecked(fileDescriptors = false)
final class DataSourceRegistryTest {
  private static final Tracker TRACKER =
      Tracker.newBuilder().name("registry-test").level(DetectionLevel.SAMPLED).build();

  @AfterAll
  static void stopTracker() {
    TRACKER.close();
  }

  @Test
  void overCapacity_evictsTheIdlePoolAndClosesIt() throws Exception {
    Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    try (DataSourceRegistry<String> tenants =
        DataSourceRegistry.<String>newBuilder(
                "tenants", tenant -> pools.computeIfAbsent(tenant, t -> pool()))
            .capacity(2)
            .options(JdbcOptions.newBuilder().tracker(TRACKER).build())
            .build()) {
      for (String tenant : new String[] {"acme", "globex", "initech"}) {
        try (Scope request = Scope.open("GET /" + tenant, TRACKER)) {
          Session db = tenants.openSession(tenant, request);
          assertThat(db.query("select 1", row -> row.getInt(1))).containsExactly(1);
        }
      }
      assertThat(tenants.size()).isEqualTo(2);
      assertThat(tenants.stats().evictions()).isEqualTo(1);
      assertThat(pools.get("acme").isClosed()).isTrue();
      assertThat(pools.get("initech").isClosed()).isFalse();
    }
    assertThat(pools.values()).allSatisfy(pool -> assertThat(pool.isClosed()).isTrue());
  }

  @Test
  void evictedWhileASessionRuns_closesOnlyAfterTheSessionEnds() throws Exception {
    Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    try (DataSourceRegistry<String> tenants =
        DataSourceRegistry.<String>newBuilder(
                "in-flight", tenant -> pools.computeIfAbsent(tenant, t -> pool()))
            .capacity(1)
            .options(JdbcOptions.newBuilder().tracker(TRACKER).build())
            .build()) {
      Session db = tenants.openSession("acme");
      db.update("insert into item values (?, ?)", 1, "in flight");
      assertThat(tenants.invalidate("acme")).isTrue();
      assertThat(pools.get("acme").isClosed()).isFalse(); // a session is still on it
      db.update("insert into item values (?, ?)", 2, "still working");
      db.commit();
      db.close();
      assertThat(pools.get("acme").isClosed()).isTrue();
      try (Lease<TrackedDataSource> fresh = tenants.acquire("acme")) {
        assertThat(fresh.value().isClosed()).isFalse();
      }
    }
  }

  private static HikariDataSource pool() {
    try {
      return H2.pool(2, Duration.ofMillis(250));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
