package dev.lifecycle.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * hang, the binary cache: a backend under a low FD limit whose handlers block on an upstream that
 * never answers. Unprotected, the blocked handlers eat every FD and the server hangs without a
 * word; protected, FD-budget admission keeps it answering and the watchdog reports each stall with
 * its stack within a second.
 */
final class CacheScenario implements Scenario {
  static final long FD_LIMIT = 160;
  private static final int MISS_EVERY_MILLIS = 40;

  @Override
  public String name() {
    return "hang";
  }

  @Override
  public String title() {
    return "Binary cache: the backend hits its FD limit and hangs silently";
  }

  @Override
  public String outage() {
    return "A binary cache's backend failed requests at its 1,024 FD limit, then hung for three hours with"
        + " nothing in its logs, until someone restarted it. The fix was a systemd watchdog: restart when the"
        + " backend does not answer for 3 seconds.";
  }

  @Override
  public String unprotectedStory() {
    return "A thread per connection; a cache miss fetches from an upstream that never answers, with no timeout;"
        + " the accept loop retries EMFILE without a word. Blocked handlers keep their client and upstream"
        + " sockets.";
  }

  @Override
  public String protectedStory() {
    return "The same blocking handler. FdBudget admission (2 FDs per connection, headroom 32) answers BUSY before EMFILE;"
        + " each request is a Scope owning its FDs and a Watchdog loop (deadline "
        + ProtectedCacheServer.REQUEST_DEADLINE.toMillis() + " ms); a stall is reported with the thread's stack and"
        + " the stall policy (StallPolicy.callback) closes the request's scope.";
  }

  @Override
  public List<Chart> charts() {
    return List.of(new Chart("fds", "Open file descriptors of the backend (limit " + FD_LIMIT + ")", "FDs", 1),
        new Chart("probeMs", "Health probe: time to answer PING (1,000 = no answer)", "ms", 1),
        new Chart("served", "Requests answered with data (cumulative)", "requests", 1),
        new Chart("inFlight", "Requests in the backend", "requests", 1));
  }

  @Override
  public void run(Variant variant, DemoOptions options, RunRecord record, Status status) throws Exception {
    long duration = options.quick() ? 6_000 : 15_000;
    try (Origin origin = new Origin()) {
      Settings settings = new Settings().put("fdLimit", FD_LIMIT).put("sampleMillis", options.sampleMillis())
          .put("origin", origin.port());
      List<String> args = new ArrayList<>(List.of(name(), variant.label()));
      args.addAll(settings.toArgs());
      try (ChildJvm child = ChildJvm.start(args, FD_LIMIT, "64m", Map.of(), record)) {
        if (!child.awaitReady(Duration.ofSeconds(30))) {
          if (record.skipped() == null) {
            record.skip("the backend did not start: " + child.stderrTail());
          }
          return;
        }
        child.sampleFds(Duration.ofMillis(50));
        new Load(child, record, status, duration).run();
        child.stopSampling();
        child.finish(Duration.ofSeconds(30)); // generous: a loaded machine may take long to report
      }
    }
  }

  /** The cache's clients (a request every 5 ms, one in 20 a miss) and a health probe. */
  private static final class Load {
    private final ChildJvm child;
    private final RunRecord record;
    private final Status status;
    private final long durationMillis;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong probesFailed = new AtomicLong();
    private volatile double lastAnswer = -1;
    private double firstMiss = -1;

    Load(ChildJvm child, RunRecord record, Status status, long durationMillis) {
      this.child = child;
      this.record = record;
      this.status = status;
      this.durationMillis = durationMillis;
    }

    void run() throws InterruptedException {
      ExecutorService clients = Executors.newFixedThreadPool(48, r -> {
        Thread t = new Thread(r, "demo-cache-client");
        t.setDaemon(true);
        return t;
      });
      Thread probe = new Thread(this::probeLoop, "demo-cache-probe");
      probe.setDaemon(true);
      probe.start();
      ExecutorService misses = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "demo-cache-miss");
        t.setDaemon(true);
        return t;
      });
      long n = 0;
      long start = System.nanoTime();
      long end = start + TimeUnit.MILLISECONDS.toNanos(durationMillis);
      long missesSent = 0;
      try {
        while (System.nanoTime() < end) {
          String key = "hit-" + n++ % CacheProtocol.FILES;
          clients.execute(() -> request(key));
          long due = (System.nanoTime() - start) / TimeUnit.MILLISECONDS.toNanos(MISS_EVERY_MILLIS);
          while (missesSent < due) {
            String miss = "miss-" + missesSent++;
            if (firstMiss < 0) {
              firstMiss = child.seconds();
              record.number("firstMissSeconds", firstMiss);
            }
            misses.execute(() -> request(miss)); // the origin never answers: the backend's handler blocks
          }
          record.series("served").add(child.seconds(), served.get());
          status.set(String.format(Locale.ROOT, "fds %3d/%d  served %,6d  busy %,d  probe %s", child.fds(),
              FD_LIMIT, served.get(), busy.get(), probesFailed.get() > 0 && lastAnswer < 0 ? "NO ANSWER" : "ok"));
          Thread.sleep(5);
        }
      } finally {
        probe.interrupt();
        misses.shutdownNow();
        clients.shutdownNow();
        clients.awaitTermination(5, TimeUnit.SECONDS);
      }
      record.number("served", served.get());
      record.number("busy", busy.get());
      record.number("failed", failed.get());
      record.number("probesFailed", probesFailed.get());
      record.number("lastAnswerSeconds", lastAnswer);
    }

    private void request(String key) {
      try {
        String answer = ask("GET " + key);
        if (answer.startsWith("OK")) {
          served.incrementAndGet();
        } else if (answer.equals("BUSY")) {
          busy.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
      } catch (IOException e) {
        failed.incrementAndGet();
      }
    }

    private void probeLoop() {
      boolean down = false;
      while (!Thread.currentThread().isInterrupted()) {
        long start = System.nanoTime();
        double ms;
        try {
          String answer = ask("PING");
          ms = (System.nanoTime() - start) / 1e6;
          if (answer.equals("PONG")) {
            lastAnswer = child.seconds();
            down = false;
          }
        } catch (IOException e) {
          ms = 1_000;
          probesFailed.incrementAndGet();
          if (!down) {
            down = true;
            record.event(child.seconds(), String.format(Locale.ROOT,
                "health probe: no answer to PING within 1 s (the backend is at %d of %d FDs)", child.fds(), FD_LIMIT));
          }
        }
        record.series("probeMs").add(child.seconds(), Math.min(ms, 1_000));
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private String ask(String line) throws IOException {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), child.port()), 1_000);
        socket.setSoTimeout(1_000);
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out.println(line);
        String answer = in.readLine();
        if (answer == null) {
          throw new IOException("closed without an answer");
        }
        return answer;
      }
    }
  }

  @Override
  public List<Marker> markers(RunRecord u, RunRecord p) {
    List<Marker> markers = new ArrayList<>();
    for (RunRecord r : List.of(u, p)) {
      Scenario.firstAbove(r, "acceptFailures", 0, "FD limit hit (EMFILE)").ifPresent(markers::add);
      Scenario.firstEvent(r, "accept failed", "FD limit hit (EMFILE)").ifPresent(markers::add);
      Scenario.firstEvent(r, "health probe", "probe: no answer").ifPresent(markers::add);
      Scenario.firstEvent(r, "STALL", "stall reported").ifPresent(markers::add);
    }
    return markers;
  }

  @Override
  public List<Row> rows(RunRecord u, RunRecord p) {
    return List.of(
        new Row("open FDs, peak (limit " + FD_LIMIT + ")", Format.count(u.series("fds").max()),
            Format.count(p.series("fds").max())),
        new Row("requests answered with data", Format.count(u.numberOr("served", 0)),
            Format.count(p.numberOr("served", 0))),
        new Row("answered BUSY / failed or no answer", Format.count(u.numberOr("busy", 0)) + " / "
            + Format.count(u.numberOr("failed", 0)), Format.count(p.numberOr("busy", 0)) + " / "
            + Format.count(p.numberOr("failed", 0))),
        new Row("health probes without an answer", Format.count(u.numberOr("probesFailed", 0)),
            Format.count(p.numberOr("probesFailed", 0))),
        new Row("time to detection", "never: nothing logged, the probe sees silence", detection(p)),
        new Row("heap after GC, end", Format.mb(u.series("heapKb").last()), Format.mb(p.series("heapKb").last())));
  }

  private static String detection(RunRecord p) {
    double miss = p.numberOr("firstMissSeconds", -1);
    RunRecord.Event stall = p.events().stream().filter(e -> e.text().startsWith("STALL")).findFirst().orElse(null);
    if (stall == null || miss < 0) {
      return "no stall reported";
    }
    return Format.seconds(stall.seconds() - miss) + " after the first blocked request: the watchdog reported "
        + Format.count(p.numberOr("stalls", 0)) + " stalls with their stacks";
  }
}
