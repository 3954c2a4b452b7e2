package dev.lifecycle.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * registry-growth, the infrastructure-as-SQL engine: a dynamic set of tenant databases and an ORM
 * connection manager that never forgets a per-RPC connection, against a bounded registry that
 * evicts idle sources and closes them.
 */
final class OrmScenario implements Scenario {
  @Override
  public String name() {
    return "registry-growth";
  }

  @Override
  public String title() {
    return "ORM connection manager: every per-RPC connection kept forever, for a dynamic set of databases";
  }

  @Override
  public String outage() {
    return "An infrastructure-as-SQL engine built an ORM connection per RPC for a dynamic set of PostgreSQL"
        + " databases and threw it away afterwards, or so it thought: the ORM's connection manager kept every"
        + " connection, with its entity metadata, forever. Memory grew linearly (~10 MB per install/uninstall)"
        + " until the host fell over, in staging and then in production.";
  }

  @Override
  public String unprotectedStory() {
    return "A map from connection name to (data source, open connection, entity metadata) with no delete; each"
        + " RPC adds a named entry. Tenants come and go (five active; every 10 RPCs one is torn down), so the"
        + " map also keeps torn-down tenants' databases alive.";
  }

  @Override
  public String protectedStory() {
    return "lifecycle-jdbc's DataSourceRegistry (capacity " + RegistryConnectionManager.CAPACITY
        + ", idle timeout 2 s) of per-tenant sources, evicted least recently used first and closed after"
        + " their last session; each RPC a Scope that owns a Session on its tenant's source.";
  }

  @Override
  public List<Chart> charts() {
    return List.of(new Chart("heapKb", "Heap after GC", "MB", 1024),
        new Chart("connections", "Open database connections", "connections", 1),
        new Chart("entries", "Entries in the connection manager", "entries", 1),
        new Chart("rpcs", "RPCs served (cumulative)", "RPCs", 1));
  }

  @Override
  public void run(Variant variant, DemoOptions options, RunRecord record, Status status) throws Exception {
    long duration = options.quick() ? 30_000 : 60_000;
    Settings settings = new Settings().put("sampleMillis", options.sampleMillis()).put("maxMillis", duration)
        .put("rpcs", options.quick() ? 150 : 600);
    List<String> args = new ArrayList<>(List.of(name(), variant.label()));
    args.addAll(settings.toArgs());
    String url = options.jdbcUrl();
    Map<String, String> env = url == null ? Map.of() : Map.of(TenantDatabases.URL_ENV, url);
    SelfDriven.run(args, "384m", env, duration, record, status, r -> String.format(Locale.ROOT,
        "rpcs %,6.0f  connections %,5.0f  heap %5.1f MB", r.series("rpcs").last(), r.series("connections").last(),
        r.series("heapKb").last() / 1024));
  }

  @Override
  public List<Row> rows(RunRecord u, RunRecord p) {
    List<Row> rows = new ArrayList<>(List.of(
        new Row("database", String.valueOf(u.text("database")), String.valueOf(p.text("database"))),
        new Row("RPCs served", Format.count(u.numberOr("rpcs", 0)), Format.count(p.numberOr("rpcs", 0))),
        new Row("open connections at the end", Format.count(u.numberOr("connections", 0)),
            Format.count(p.numberOr("connections", 0))),
        new Row("connection manager entries at the end", Format.count(u.numberOr("entries", 0)),
            Format.count(p.numberOr("entries", 0))),
        new Row("heap after GC: start / end", heap(u), heap(p)),
        new Row("sources evicted and closed", "none: no delete",
            Format.count(p.numberOr("closedSources", 0)) + " closed"),
        new Row("time to detection", "when the host falls over", "nothing to detect: bounded by capacity")));
    String stopped = u.text("stopped");
    if (stopped != null) {
      rows.add(new Row("note", stopped, ""));
    }
    return rows;
  }

  private static String heap(RunRecord r) {
    List<Series.Point> points = r.series("heapKb").points();
    if (points.isEmpty()) {
      return "-";
    }
    return Format.mb(points.get(0).value()) + " / " + Format.mb(points.get(points.size() - 1).value());
  }
}
