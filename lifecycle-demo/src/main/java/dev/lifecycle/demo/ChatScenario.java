package dev.lifecycle.demo;

import dev.lifecycle.core.health.HealthAlarm;
import dev.lifecycle.core.health.HealthListener;
import dev.lifecycle.core.health.HealthMonitor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * fd-leak, the chat site: clients that vanish (resets, half-open connections) and one file per
 * password-reset email leak FDs until the server, under a low {@code ulimit -n}, stops answering.
 * Simulated days go by in fractions of a second; each day has a busy evening and a quiet night.
 */
final class ChatScenario implements Scenario {
  static final long FD_LIMIT = 320;
  private static final int DAYS = 36;
  private static final Instant T0 = Instant.parse("2019-05-01T00:00:00Z");
  /** Per simulated day: 5 resets, 2 half-open clients, 3 reset emails (10 FDs a day when leaked). */
  private static final int[] RESET_HOURS = {9, 12, 15, 18, 21};
  private static final int[] HALF_OPEN_HOURS = {11, 19};
  private static final int[] EMAIL_HOURS = {10, 14, 16};

  @Override
  public String name() {
    return "fd-leak";
  }

  @Override
  public String title() {
    return "Chat site: sockets of vanished clients and one file per reset email leak until RLIMIT_NOFILE";
  }

  @Override
  public String outage() {
    return "A chat site's server hit its 4,096 FD limit and stopped answering for 11 minutes. TLS websocket"
        + " sockets closed abruptly by the network were never released, and the mailer leaked one FD per"
        + " password-reset email; afterwards, a linear regression showed the daily FD peak had been rising"
        + " ~50 a day for weeks.";
  }

  @Override
  public String unprotectedStory() {
    return "A Netty websocket-like server (an HTTP upgrade, then length-prefixed frames) with half-closure"
        + " allowed, as node's allowHalfOpen: it keeps each client's channel in a map by name and forgets and closes"
        + " it only when the client says BYE, so a reset (SO_LINGER 0) or a half-open client that never sends"
        + " again leaves its socket open. The mailer keeps every email's file open. When accepting fails with"
        + " EMFILE, Netty retries a second later and new clients wait in the backlog, unanswered.";
  }

  @Override
  public String protectedStory() {
    return "The same Netty server and wire format, with lifecycle-netty's ConnectionGovernor: admission against"
        + " the process's FdBudget (a 503 before EMFILE), a read-idle timeout that reaps half-open clients, and"
        + " accounting released exactly once per channel. Each connection is a Scope that owns its channel (BYE,"
        + " a reset, the peer's end of input and reaping all close it); each email a child Scope owning its file"
        + " and its FD reservation. A HealthMonitor horizon rule (daily-peak Trend), fed each run's FD samples on"
        + " a clock where a demo fraction of a second is a day, warns ahead of the limit.";
  }

  @Override
  public List<Chart> charts() {
    return List.of(new Chart("fds", "Open file descriptors of the server (limit " + FD_LIMIT + ")", "FDs", 1),
        new Chart("connections", "Client connections the server holds", "connections", 1),
        new Chart("served", "Requests answered (cumulative)", "requests", 1),
        new Chart("heapKb", "Server heap after GC", "MB", 1024));
  }

  @Override
  public void run(Variant variant, DemoOptions options, RunRecord record, Status status) throws Exception {
    long dayMillis = options.quick() ? 90 : 300;
    Settings settings = new Settings().put("fdLimit", FD_LIMIT).put("sampleMillis", options.sampleMillis())
        .put("idleMillis", 3_000);
    List<String> args = new ArrayList<>(List.of(name(), variant.label()));
    args.addAll(settings.toArgs());
    try (ChildJvm child = ChildJvm.start(args, FD_LIMIT, "64m", Map.of(), record)) {
      if (!child.awaitReady(Duration.ofSeconds(30))) {
        if (record.skipped() == null) {
          record.skip("the server did not start: " + child.stderrTail());
        }
        return;
      }
      if (!warmUp(child, record)) {
        return;
      }
      child.sampleFds(Duration.ofMillis(Math.max(10, dayMillis / 8)));
      record.number("fdLimit", child.fdLimit());
      new Load(child, record, status, dayMillis).run();
      child.stopSampling();
      child.finish(Duration.ofSeconds(30)); // generous: a loaded machine may take long to report
    }
    feedTrend(record);
  }

  /**
   * A few clients that say HELLO and BYE with a generous timeout before the days start, so that the
   * first day's clients, held to one second, do not wait for Netty's classes to load on a busy
   * machine. BYE closes cleanly in both variants: nothing leaks here.
   */
  private static boolean warmUp(ChildJvm child, RunRecord record) {
    for (int i = 0; i < 5; i++) {
      try (ChatClient client = ChatClient.connect(child.port(), "warm-up" + i, 20_000)) {
        client.bye();
      } catch (IOException e) {
        record.skip("failed: the server did not answer a first client: " + e.getMessage());
        return false;
      }
    }
    return true;
  }

  /** The clients: a daily cycle of users who come and go, and the day's leaks. */
  private static final class Load {
    private static final long KEEP_ALIVE_NANOS = 300_000_000L;
    private final ChildJvm child;
    private final RunRecord record;
    private final Status status;
    private final long dayMillis;
    private final List<ChatClient> online = new ArrayList<>();
    private final List<ChatClient> abandoned = new ArrayList<>();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private int refusedInARow;
    private int names;
    private double day;
    private double outageDay = -1;

    Load(ChildJvm child, RunRecord record, Status status, long dayMillis) {
      this.child = child;
      this.record = record;
      this.status = status;
      this.dayMillis = dayMillis;
    }

    /**
     * Plays the days hour by hour: an hour takes {@code dayMillis / 24} of real time, or longer on a
     * loaded machine, so every day has its leaks however slow the machine is.
     */
    void run() throws InterruptedException {
      long start = System.nanoTime();
      int next = 0;
      try {
        for (int hour = 0; hour < DAYS * 24 && refusedInARow < 3; hour++) {
          day = hour / 24.0;
          leaksAt(hour % 24);
          balance(hour % 24);
          for (int i = 0; i < 2 && !online.isEmpty(); i++) {
            next = (next + 1) % online.size();
            message(online.get(next), "MSG hello", "OK");
          }
          keepAlive();
          double seconds = child.seconds();
          record.series("served").add(seconds, served.get());
          record.series("dayAt").add(seconds, day);
          long fds = child.countFds();
          if (fds >= 0) {
            record.series("fdsByDay").add(day, fds);
          }
          status.set(String.format(java.util.Locale.ROOT, "day %2.0f/%d  fds %3d/%d  served %,d%s", day, DAYS,
              fds, FD_LIMIT, served.get(), outageDay >= 0 ? "  DOWN" : ""));
          long due = start + (hour + 1) * dayMillis * 1_000_000L / 24;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
      } finally {
        closeAll(online);
        closeAll(abandoned);
      }
      record.number("served", served.get());
      record.number("failed", failed.get());
      record.number("outageDay", outageDay);
      record.number("days", day);
    }

    private void balance(int hourOfDay) {
      int target = (int) Math.round(8 + 24 * Math.max(0, Math.sin(2 * Math.PI * (hourOfDay - 8) / 24.0)));
      for (int i = 0; i < 4 && online.size() < target; i++) {
        ChatClient client = connect();
        if (client != null) {
          online.add(client);
        }
      }
      for (int i = 0; i < 4 && online.size() > target; i++) {
        ChatClient client = online.remove(online.size() - 1);
        try {
          client.bye();
          ok();
        } catch (IOException e) {
          fail();
        }
      }
    }

    private void leaksAt(int hourOfDay) {
      for (int h : RESET_HOURS) {
        if (h == hourOfDay) {
          ChatClient client = connect();
          if (client != null) {
            try {
              client.reset();
            } catch (IOException e) {
              fail();
            }
          }
        }
      }
      for (int h : HALF_OPEN_HOURS) {
        if (h == hourOfDay) {
          ChatClient client = connect();
          if (client != null) {
            abandoned.add(client); // the peer is gone without a FIN: nothing more arrives
          }
        }
      }
      for (int h : EMAIL_HOURS) {
        if (h == hourOfDay) {
          ChatClient client = connect();
          if (client != null) {
            try {
              client.expect("RESET user" + names + "@example.org", "SENT");
              ok();
              client.bye();
            } catch (IOException e) {
              fail();
              closeQuietly(client);
            }
          }
        }
      }
    }

    /**
     * A live client pings when it has been silent for {@link #KEEP_ALIVE_NANOS}, as a websocket
     * client does; a vanished one cannot, which is how a read-idle timeout tells them apart.
     */
    private void keepAlive() {
      for (ChatClient client : List.copyOf(online)) {
        if (client.silentNanos() > KEEP_ALIVE_NANOS) {
          message(client, "PING", "PONG");
        }
      }
    }

    private void message(ChatClient client, String line, String answer) {
      try {
        client.expect(line, answer);
        ok();
      } catch (IOException e) {
        fail();
        online.remove(client);
        closeQuietly(client);
      }
    }

    private @Nullable ChatClient connect() {
      try {
        ChatClient client = ChatClient.connect(child.port(), "user" + names++);
        refusedInARow = 0;
        ok();
        return client;
      } catch (IOException e) {
        refusedInARow++;
        fail();
        if (outageDay < 0 && refusedInARow >= 2) {
          outageDay = day;
          record.event(child.seconds(), String.format(java.util.Locale.ROOT,
              "day %.0f: new clients get no answer (the server is at %d of %d FDs)", outageDay, child.fds(), FD_LIMIT));
        }
        return null;
      }
    }

    private void ok() {
      served.incrementAndGet();
    }

    private void fail() {
      failed.incrementAndGet();
    }

    private static void closeAll(List<ChatClient> clients) {
      clients.forEach(Load::closeQuietly);
      clients.clear();
    }

    private static void closeQuietly(ChatClient client) {
      try {
        client.close();
      } catch (IOException e) {
        // closing a client of a dead server
      }
    }
  }

  /**
   * Replays the run's FD samples into a HealthMonitor whose clock turns demo time into days: its
   * horizon rule (the trend of daily peaks) says when the limit will be reached.
   */
  private static void feedTrend(RunRecord record) {
    List<Series.Point> points = record.series("fdsByDay").points();
    if (points.isEmpty()) {
      return;
    }
    ManualClock clock = new ManualClock(T0);
    AtomicLong value = new AtomicLong();
    AtomicReference<@Nullable HealthAlarm> first = new AtomicReference<>();
    HealthListener listener = new HealthListener() {
      @Override
      public void onHealthAlarm(HealthAlarm alarm) {
        if (alarm.kind() == HealthAlarm.Kind.HORIZON) {
          first.compareAndSet(null, alarm);
        }
      }
    };
    long limit = (long) record.numberOr("fdLimit", FD_LIMIT);
    try (HealthMonitor monitor = HealthMonitor.newBuilder("chat")
        .gauge("fd", value::get, limit)
        .horizons(Duration.ofDays(28), Duration.ofDays(7))
        .clock(clock)
        .listener(listener)
        .jmx(false)
        .build()) {
      for (Series.Point p : points) {
        clock.set(T0.plusMillis(Math.round(p.seconds() * 86_400_000L))); // x is the simulated day here
        value.set((long) p.value());
        monitor.sampleNow();
        if (first.get() != null) {
          break;
        }
      }
    }
    HealthAlarm alarm = first.get();
    if (alarm != null) {
      double day = Duration.between(T0, alarm.at()).toMinutes() / 1440.0;
      record.number("alarmDay", day);
      alarm.timeToLimit().ifPresent(d -> record.number("alarmAheadDays", d.toHours() / 24.0));
      record.event(secondsAtDay(record, day), "trend alarm on day " + Math.round(day) + ": " + alarm.message());
    }
  }

  /** The run's second at which simulated {@code day} was played. */
  private static double secondsAtDay(RunRecord record, double day) {
    List<Series.Point> days = record.series("dayAt").points();
    for (Series.Point p : days) {
      if (p.value() >= day) {
        return p.seconds();
      }
    }
    return days.isEmpty() ? 0 : days.get(days.size() - 1).seconds();
  }

  @Override
  public List<Marker> markers(RunRecord u, RunRecord p) {
    List<Marker> markers = new ArrayList<>();
    for (RunRecord r : List.of(u, p)) {
      Scenario.firstEvent(r, "trend alarm", "trend alarm").ifPresent(markers::add);
      Scenario.firstEvent(r, "accept failed", "FD limit hit (EMFILE)").ifPresent(markers::add);
      Scenario.firstEvent(r, "day ", "no answer").ifPresent(markers::add);
    }
    return markers;
  }

  @Override
  public List<Row> rows(RunRecord u, RunRecord p) {
    return List.of(
        new Row("open FDs, peak (limit " + FD_LIMIT + ")", Format.count(u.series("fds").max()),
            Format.count(p.series("fds").max())),
        new Row("client connections held at the end", Format.count(u.series("connections").last()),
            Format.count(p.series("connections").last())),
        new Row("requests answered / failed", answered(u), answered(p)),
        new Row("heap after GC, end", Format.mb(u.series("heapKb").last()), Format.mb(p.series("heapKb").last())),
        new Row("outage", outage(u), outage(p)),
        new Row("time to detection (lifecycle trend alarm on this run's FDs)", detection(u), detection(p)),
        new Row("connections shed (503) / reaped idle", "-",
            Format.count(p.numberOr("shed", 0)) + " / " + Format.count(p.numberOr("reaped", 0))));
  }

  private static String answered(RunRecord r) {
    return Format.count(r.numberOr("served", 0)) + " / " + Format.count(r.numberOr("failed", 0));
  }

  private static String outage(RunRecord r) {
    double day = r.numberOr("outageDay", -1);
    return day >= 0 ? "down from day " + Math.round(day) : "none in " + Math.round(r.numberOr("days", DAYS)) + " days";
  }

  private static String detection(RunRecord r) {
    double alarmDay = r.numberOr("alarmDay", -1);
    if (alarmDay < 0) {
      return r.numberOr("outageDay", -1) >= 0 ? "none before the outage" : "nothing to detect: flat";
    }
    double outageDay = r.numberOr("outageDay", -1);
    String ahead = outageDay >= 0 ? Math.round(outageDay - alarmDay) + " days before the outage"
        : "limit in ~" + Math.round(r.numberOr("alarmAheadDays", 0)) + " days";
    return "trend alarm on day " + Math.round(alarmDay) + ", " + ahead;
  }
}
