package dev.lifecycle.demo;

import dev.lifecycle.core.FdBudget;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.health.HealthListener;
import dev.lifecycle.core.health.StallPolicy;
import dev.lifecycle.core.health.StallReport;
import dev.lifecycle.core.health.Watchdog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The binary cache's backend with lifecycle: the same blocking handler, but each connection is
 * admitted by {@link FdBudget} (two FDs: the client, and a cache file or the upstream) or answered
 * BUSY at once; each request is a {@link Scope} that owns its FDs and a {@link Watchdog} loop. A
 * request silent past its deadline is reported with its stack, and the stall policy closes its
 * scope, which frees its FDs and unblocks it.
 *
 * <p>The seam for lifecycle-netty: admission here is what core's blocking accept-loop governor (or
 * the Netty ConnectionGovernor) does.
 */
final class ProtectedCacheServer implements ChildRun {
  static final Duration REQUEST_DEADLINE = Duration.ofMillis(500);

  private final AtomicLong handling = new AtomicLong();
  private final AtomicLong shed = new AtomicLong();
  private final AtomicLong stalls = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong firstMissMillis = new AtomicLong(-1);
  private final AtomicLong firstStallMillis = new AtomicLong(-1);
  private final Map<String, Scope> inFlight = new ConcurrentHashMap<>();
  private final ExecutorService recovery = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "cache-recovery");
    t.setDaemon(true);
    return t;
  });
  private volatile @org.jspecify.annotations.Nullable Watchdog watchdog;
  private volatile Wire clock = new Wire(new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));

  @Override
  @SuppressWarnings("UnclosedResource") // the server and its watchdog live until the JVM ends
  public int start(Settings settings, Wire wire) throws IOException {
    clock = wire;
    Path store = CacheProtocol.createStore();
    int origin = settings.getInt("origin");
    FdBudget budget = FdBudget.newBuilder().headroom(32).build(); // the limit is small: keep 32 for the rest
    wire.text("budget", budget.toString());
    Watchdog dog = Watchdog.newBuilder("cache")
        .checkInterval(Duration.ofMillis(100))
        .listener(new HealthListener() {
          @Override
          public void onStall(StallReport report) {
            firstStallMillis.compareAndSet(-1, wire.millis());
            if (stalls.incrementAndGet() <= 2) {
              wire.event(report.message());
            }
          }
        })
        .onStall(StallPolicy.callback(this::recover))
        .build();
    dog.start();
    watchdog = dog;
    warmUp(dog, budget);
    ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    server.setSoTimeout(250); // the accept loop heartbeats while idle
    Thread accept = new Thread(() -> acceptLoop(server, budget, dog, store, origin, wire), "cache-accept");
    accept.setDaemon(true);
    accept.start();
    return server.getLocalPort();
  }

  /** Loads and initialises what a request uses, before READY, so the first requests are not slower. */
  private static void warmUp(Watchdog dog, FdBudget budget) {
    try (Scope warm = Scope.open("warm-up")) {
      warm.own(dog.register("warm-up", Duration.ofSeconds(30))).heartbeat();
      FdBudget.Reservation fds = budget.tryReserve(1);
      if (fds != null) {
        warm.own(fds);
      }
    }
    TrackedSocket.KIND.liveCount();
  }

  /** The stall policy: close the stalled request's scope (off the watchdog's thread). */
  private void recover(StallReport report) {
    Scope scope = inFlight.remove(report.loop());
    if (scope != null) {
      recovery.execute(scope::close);
    }
  }

  private void acceptLoop(ServerSocket server, FdBudget budget, Watchdog dog, Path store, int origin, Wire wire) {
    try (Watchdog.Loop loop = dog.register("accept", Duration.ofSeconds(2))) {
      while (true) {
        loop.heartbeat();
        try {
          FdBudget.Reservation fds = budget.tryReserve(2); // the client, and a cache file or the upstream
          if (fds == null) {
            shed(server);
            continue;
          }
          Socket socket;
          try {
            socket = server.accept();
          } catch (IOException e) {
            fds.close();
            throw e;
          }
          startHandler(fds, socket, dog, store, origin);
        } catch (SocketTimeoutException e) {
          // idle: heartbeat and accept again
        } catch (IOException e) {
          wire.event("accept failed: " + e.getMessage());
        }
      }
    }
  }

  private void shed(ServerSocket server) throws IOException {
    try (Socket socket = server.accept()) {
      shed.incrementAndGet();
      socket.getOutputStream().write("BUSY\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  // Ownership of the socket and the reservation passes to the handler thread's scope.
  @SuppressWarnings("UnclosedResource")
  private void startHandler(FdBudget.Reservation fds, Socket socket, Watchdog dog, Path store, int origin) {
    Thread t = new Thread(() -> handle(fds, socket, dog, store, origin), "cache-request");
    t.setDaemon(true);
    t.start();
  }

  private void handle(FdBudget.Reservation fds, Socket raw, Watchdog dog, Path store, int origin) {
    handling.incrementAndGet();
    String name = "request " + requests.incrementAndGet();
    try (Scope request = Scope.open(name)) {
      request.own(fds);
      Socket socket = request.own(new TrackedSocket(raw)).socket();
      request.own(dog.register(name, REQUEST_DEADLINE)).heartbeat();
      inFlight.put(name, request);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
      String line = String.valueOf(in.readLine());
      if (line.equals("PING")) {
        out.println("PONG");
      } else if (line.startsWith("GET hit-")) {
        out.println("OK " + CacheProtocol.readCached(store, line.substring(4)));
      } else if (line.startsWith("GET ")) {
        firstMissMillis.compareAndSet(-1, clock.millis());
        Socket upstream = request.own(new Socket());
        out.println("OK " + CacheProtocol.fetch(upstream, origin, line.substring(4)).length());
      } else {
        out.println("ERR");
      }
    } catch (IOException | RuntimeException e) {
      // a failed request, or one the watchdog's policy closed; its scope closed everything
    } finally {
      inFlight.keySet().remove(name);
      handling.decrementAndGet();
    }
  }

  @Override
  public Map<String, LongSupplier> gauges() {
    return Map.of("inFlight", handling::get, "shed", shed::get, "stalls", stalls::get);
  }

  @Override
  public void finish(Wire wire) {
    wire.number("stalls", stalls.get());
    wire.number("shed", shed.get());
    wire.number("firstStallMillis", firstStallMillis.get());
    wire.number("firstMissMillis", firstMissMillis.get());
    Watchdog dog = watchdog;
    if (dog != null) {
      dog.close();
    }
  }
}
