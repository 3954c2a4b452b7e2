package dev.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.testing.LeakChecked;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A real PostgreSQL server, started here, is the judge: its own {@code pg_stat_activity} says how
 * many client backends there are and whether a transaction was left open. Isolated: the outage
 * replay measures the heap after GC.
 */
@Isolated
final class PostgresTest {
  /** Sessions in the failure run. */
  static final int SESSIONS = 10_000;

  /**
   * Databases of the outage replay, and requests spread over them at random: enough requests that
   * the naive map reaches every database (seed 42).
   */
  static final int DATABASES = 200;

  static final int REQUESTS = 2_000;

  static final int CAPACITY = 10;
  static final int POOL_SIZE = 2;

  private static final Tracker TRACKER =
      Tracker.newBuilder().name("postgres-test").level(DetectionLevel.SAMPLED).build();

  private static EmbeddedPostgres server;
  private static Connection judge;

  @BeforeAll
  static void start() throws Exception {
    // No durability needed: without fsync, creating 200 databases and the shutdown checkpoint that
    // follows take seconds instead of minutes on a slow disk.
    server =
        EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "500")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
    judge = server.getPostgresDatabase().getConnection();
  }

  @AfterAll
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  static void stop() throws Exception {
    if (judge != null) {
      judge.close();
    }
    if (server != null) {
      server.close();
    }
    TRACKER.close();
  }

  private static int clientBackends(String condition) throws SQLException {
    try (Statement s = judge.createStatement();
        ResultSet rows =
            s.executeQuery(
                "select count(*) from pg_stat_activity where backend_type = 'client backend'"
                    + " and pid <> pg_backend_pid()"
                    + condition)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static HikariDataSource pool(String database, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.getJdbcUrl("postgres", database));
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    return new HikariDataSource(config);
  }

  // Isolated, so the FD and thread checks are exact; the server's FDs and threads date from
  // @BeforeAll, before the check's baseline. Some requests drop their connection on purpose
  // (dropConnection): the leak check would report those too.
  @LeakChecked(resources = false)
  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void sessions_withInjectedFailures_leaveNoBackendAndNoOpenTransaction() throws Exception {
    try (Statement s = judge.createStatement()) {
      s.execute("create table item(id bigint primary key, note text)");
    }
    int baseline = clientBackends("");
    Set<Long> committed = ConcurrentHashMap.newKeySet();
    AtomicInteger outcomes = new AtomicInteger();
    int threads = 4;
    TrackedDataSource ds =
        TrackedDataSource.wrap(pool("postgres", 8), JdbcOptions.newBuilder().name("pg").tracker(TRACKER).build());
    SessionFactory sessions = SessionFactory.of(ds);
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int worker = t;
        done.add(
            workers.submit(
                () -> {
                  Random random = new Random(worker);
                  for (int i = worker; i < SESSIONS; i += threads) {
                    if (ds.liveConnections() > threads) {
                      System.gc(); // dropped connections are pending: let the tracker find them
                    }
                    runOne(sessions, ds, i, random.nextInt(10), committed);
                    outcomes.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(100, TimeUnit.SECONDS);
      }
      assertThat(outcomes).hasValue(SESSIONS);
      assertThat(H2.eventually(Duration.ofSeconds(30), true, () -> ds.liveConnections() == 0)).isTrue();
      assertThat(clientBackends(" and state = 'idle in transaction'")).isZero();
      assertThat(clientBackends(" and state = 'active'")).isZero();
      assertThat(ds.leakedConnections()).isEqualTo(countDrops()).isPositive();

      Set<Long> present = new TreeSet<>();
      try (Statement s = judge.createStatement();
          ResultSet rows = s.executeQuery("select id from item")) {
        while (rows.next()) {
          present.add(rows.getLong(1));
        }
      }
      assertThat(present).isEqualTo(new TreeSet<>(committed));
    } finally {
      workers.shutdownNow();
      ds.close();
    }
    assertThat(H2.eventually(Duration.ofSeconds(30), false, () -> backendsOrMinusOne() == baseline)).isTrue();
  }

  /** How many of the runs drop a connection: kind 9 on every tenth session. */
  private static long countDrops() {
    long drops = 0;
    for (int t = 0; t < 4; t++) {
      Random random = new Random(t);
      for (int i = t; i < SESSIONS; i += 4) {
        if (random.nextInt(10) == 9 && i % 10 == 9) {
          drops++;
        }
      }
    }
    return drops;
  }

  private static int backendsOrMinusOne() {
    try {
      return clientBackends("");
    } catch (SQLException e) {
      return -1;
    }
  }

  /** One request: commits, or fails one of the ways real requests fail. */
  private static void runOne(SessionFactory sessions, TrackedDataSource ds, long id, int kind, Set<Long> committed)
      throws SQLException {
    if (kind == 9 && id % 10 == 9) {
      dropConnection(ds, id); // a connection dropped without close, mid-transaction
      return;
    }
    try (Scope request = Scope.open("request " + id, TRACKER)) {
      Session db = sessions.open(request);
      db.update("insert into item values (?, ?)", id, "request " + id);
      switch (kind) {
        case 0, 1, 2, 3, 4 -> {
          db.find("item", id);
          db.commit();
          committed.add(id);
        }
        case 5 -> db.update("insert into missing_table values (1)"); // SQL error mid-transaction
        case 6 -> throw new IllegalStateException("user code failed between statements");
        case 7 -> Thread.currentThread().interrupt(); // interrupted while it holds the session
        default -> db.update("update item set note = 'rolled back' where id = ?", id); // never committed
      }
    } catch (SQLException | IllegalStateException expected) {
      // the request failed; its scope closed the session, which rolled back
    } finally {
      Thread.interrupted(); // the worker goes on with the next request
    }
  }

  private static void dropConnection(TrackedDataSource ds, long id) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("insert into item values (" + id + ", 'dropped')");
    }
  }

  /**
   * The outage, replayed: requests spread at random over many databases. Resources are not
   * leak-checked here: recording each with its allocation stack would be heap that this test's
   * after-GC measurements count; file descriptors and threads are.
   */
  @LeakChecked(resources = false)
  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void outageReplay_registryStaysBounded_naiveMapGrows() throws Exception {
    List<String> databases = new ArrayList<>();
    try (Statement s = judge.createStatement()) {
      for (int i = 0; i < DATABASES; i++) {
        s.execute("create database tenant_" + i);
        databases.add("tenant_" + i);
      }
    }
    int baseline = clientBackends("");

    // A warm-up request, so that neither run pays for loading the driver and the pool.
    try (TrackedDataSource warm = TrackedDataSource.wrap(pool(databases.get(0), POOL_SIZE), JdbcOptions.newBuilder().tracker(TRACKER).jmx(false).build());
        Session session = SessionFactory.of(warm).open()) {
      session.query("select 1", row -> row.getInt(1));
    }

    // Bounded: a registry of capacity 10.
    long startBounded = heapAfterGc();
    int maxBounded = 0;
    long[] heapBounded = new long[4];
    try (DataSourceRegistry<String> tenants =
        DataSourceRegistry.<String>newBuilder("tenants", db -> pool(db, POOL_SIZE))
            .capacity(CAPACITY)
            .options(JdbcOptions.newBuilder().tracker(TRACKER).jmx(false).build())
            .build()) {
      Random random = new Random(42);
      for (int r = 0; r < REQUESTS; r++) {
        String db = databases.get(random.nextInt(DATABASES));
        try (Scope request = Scope.open("rpc " + r + " on " + db, TRACKER)) {
          Session session = tenants.openSession(db, request);
          session.query("select 1", row -> row.getInt(1));
          session.commit();
        }
        maxBounded = Math.max(maxBounded, clientBackends("") - baseline);
        if ((r + 1) % (REQUESTS / 4) == 0) {
          heapBounded[(r + 1) / (REQUESTS / 4) - 1] = heapAfterGc();
        }
      }
      assertThat(tenants.size()).isLessThanOrEqualTo(CAPACITY);
    }
    assertThat(maxBounded).isLessThanOrEqualTo(CAPACITY * POOL_SIZE);
    assertThat(heapBounded[3] - heapBounded[0]).as("heap growth over the bounded run").isLessThan(1L << 20);
    assertThat(H2.eventually(Duration.ofSeconds(30), false, () -> backendsOrMinusOne() == baseline)).isTrue();

    // Naive: a map of sources that never forgets one, as the ORM's connection manager did.
    Map<String, TrackedDataSource> naive = new HashMap<>();
    long startNaive = heapAfterGc();
    int maxNaive = 0;
    long[] heapNaive = new long[4];
    try {
      Random random = new Random(42);
      for (int r = 0; r < REQUESTS; r++) {
        String db = databases.get(random.nextInt(DATABASES));
        TrackedDataSource ds =
            naive.computeIfAbsent(
                db,
                d -> TrackedDataSource.wrap(pool(d, POOL_SIZE), JdbcOptions.newBuilder().name(d).tracker(TRACKER).jmx(false).build()));
        try (Session session = SessionFactory.of(ds).open()) {
          session.query("select 1", row -> row.getInt(1));
          session.commit();
        }
        maxNaive = Math.max(maxNaive, clientBackends("") - baseline);
        if ((r + 1) % (REQUESTS / 4) == 0) {
          heapNaive[(r + 1) / (REQUESTS / 4) - 1] = heapAfterGc();
        }
      }
      assertThat(naive).hasSize(DATABASES);
    } finally {
      for (TrackedDataSource ds : naive.values()) {
        ds.close();
      }
    }
    System.out.printf(
        "outage replay, %d databases, %d requests: bounded max %d server connections, heap after GC"
            + " %d then %s; naive max %d, heap after GC %d then %s%n",
        DATABASES, REQUESTS, maxBounded, startBounded, java.util.Arrays.toString(heapBounded),
        maxNaive, startNaive, java.util.Arrays.toString(heapNaive));
    assertThat(maxNaive).isGreaterThan(CAPACITY * POOL_SIZE);
    assertThat(heapNaive[3] - startNaive)
        .as("the naive map retains every pool it ever made")
        .isGreaterThan(2 * Math.max(0, heapBounded[3] - startBounded));
  }

  private static long heapAfterGc() {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return best;
  }
}
