package dev.lifecycle.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.jdbc.JdbcOptions;
import dev.lifecycle.jdbc.Session;
import dev.lifecycle.jdbc.SessionFactory;
import dev.lifecycle.jdbc.TrackedDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.jspecify.annotations.Nullable;

/**
 * lifecycle-jdbc next to what a user would have without it, on H2 in memory. {@code query*}: a
 * prepared point query (bind, execute, read the row, close the result set) on a connection and
 * statement opened once: through the raw driver, through {@link TrackedDataSource} at {@code
 * SAMPLED} and {@code FULL}, and through HikariCP's proxies. {@code borrow*}: borrow, prepare,
 * query and close per operation, through HikariCP alone and through a {@code TrackedDataSource}
 * over it. {@code session}: a {@link Session} opened, queried, committed and closed per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class JdbcBenchmark {
  static final String SQL = "select name from item where id = ?";

  /** Everything a run uses, opened once by {@link #setUp()}. */
  static final class Fixture {
    final Tracker sampled = Tracker.newBuilder().name("bench-sampled").level(DetectionLevel.SAMPLED).build();
    final Tracker full = Tracker.newBuilder().name("bench-full").level(DetectionLevel.FULL).build();
    final Connection raw;
    final PreparedStatement rawQuery;
    final TrackedDataSource sampledSource;
    final Connection trackedSampled;
    final PreparedStatement sampledQuery;
    final TrackedDataSource fullSource;
    final Connection trackedFull;
    final PreparedStatement fullQuery;
    final HikariDataSource hikari;
    final Connection pooled;
    final PreparedStatement pooledQuery;
    final TrackedDataSource overHikari;
    final SessionFactory sessions;

    private static JdbcDataSource h2() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
      return h2;
    }

    // A failed setup fails the benchmark's trial and its JVM exits: what the constructor opened
    // before a later step threw is not worth closing by hand; close() closes it on every other path.
    @SuppressWarnings("UnclosedResource")
    Fixture() throws SQLException {
      JdbcDataSource h2 = h2();
      try (Connection c = h2.getConnection();
          Statement s = c.createStatement()) {
        s.execute("create table if not exists item(id bigint primary key, name varchar(100))");
        s.execute("merge into item values (1, 'one')");
      }
      raw = h2.getConnection();
      rawQuery = raw.prepareStatement(SQL);
      sampledSource = TrackedDataSource.wrap(h2(), JdbcOptions.newBuilder().name("sampled").tracker(sampled).jmx(false).build());
      trackedSampled = sampledSource.getConnection();
      sampledQuery = trackedSampled.prepareStatement(SQL);
      fullSource = TrackedDataSource.wrap(h2(), JdbcOptions.newBuilder().name("full").tracker(full).jmx(false).build());
      trackedFull = fullSource.getConnection();
      fullQuery = trackedFull.prepareStatement(SQL);
      HikariConfig config = new HikariConfig();
      config.setDataSource(h2());
      config.setMaximumPoolSize(4);
      hikari = new HikariDataSource(config);
      pooled = hikari.getConnection();
      pooledQuery = pooled.prepareStatement(SQL);
      HikariConfig second = new HikariConfig();
      second.setDataSource(h2());
      second.setMaximumPoolSize(4);
      overHikari =
          TrackedDataSource.wrap(
              new HikariDataSource(second), JdbcOptions.newBuilder().name("over-hikari").tracker(sampled).jmx(false).build());
      sessions = SessionFactory.newBuilder(overHikari).tracker(sampled).build();
    }

    void close() throws SQLException {
      rawQuery.close();
      raw.close();
      sampledQuery.close();
      trackedSampled.close();
      fullQuery.close();
      trackedFull.close();
      pooledQuery.close();
      pooled.close();
      hikari.close();
      overHikari.close();
      sampledSource.close();
      fullSource.close();
      sampled.close();
      full.close();
    }
  }

  private @Nullable Fixture fixture;

  @Setup
  public void setUp() throws SQLException {
    fixture = new Fixture();
  }

  @TearDown
  public void tearDown() throws SQLException {
    if (fixture != null) {
      fixture.close();
    }
  }

  private Fixture f() {
    return Objects.requireNonNull(fixture);
  }

  private static String query(PreparedStatement statement) throws SQLException {
    statement.setLong(1, 1);
    try (ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static String borrow(javax.sql.DataSource source) throws SQLException {
    try (Connection c = source.getConnection();
        PreparedStatement statement = c.prepareStatement(SQL)) {
      return query(statement);
    }
  }

  @Benchmark
  public String queryRawDriver() throws SQLException {
    return query(f().rawQuery);
  }

  @Benchmark
  public String queryTrackedSampled() throws SQLException {
    return query(f().sampledQuery);
  }

  @Benchmark
  public String queryTrackedFull() throws SQLException {
    return query(f().fullQuery);
  }

  @Benchmark
  public String queryHikariProxy() throws SQLException {
    return query(f().pooledQuery);
  }

  @Benchmark
  public String borrowHikari() throws SQLException {
    return borrow(f().hikari);
  }

  @Benchmark
  public String borrowTrackedOverHikari() throws SQLException {
    return borrow(f().overHikari);
  }

  @Benchmark
  public String session() throws SQLException {
    try (Session db = f().sessions.open()) {
      String name = db.query(SQL, row -> row.getString(1), 1L).get(0);
      db.commit();
      return name;
    }
  }
}
