package dev.lifecycle.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.FdBudget;
import dev.lifecycle.core.Owning;
import dev.lifecycle.core.Readme;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The README's process-health quickstart is this file's region between the {@code README} markers,
 * so the snippet users copy is compiled and run here.
 */
final class HealthReadmeTest {
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final List<String> pages = new CopyOnWriteArrayList<>();
  private final HealthListener pager = new HealthListener() {
    @Override
    public void onHealthAlarm(HealthAlarm alarm) {
      pages.add(alarm.message());
    }
  };
  private ServerSocket server;
  private int served;
  private int shed;

  // README:health-quickstart:begin
  void serveOrders() throws IOException {
    FdBudget budget = FdBudget.system(); // the FD limit, minus headroom for logs, JDBC, ...
    try (HealthMonitor health = HealthMonitor.newBuilder("orders")
            .fileDescriptors(FileDescriptors.system()) // open FDs vs the limit the JVM runs with
            .heapAfterGc()
            .gauge("sessions", sessions::size, 10_000) // any count of your own
            .listener(pager) // also logged, and recorded as JFR dev.lifecycle.HealthAlarm
            .build();
        Watchdog watchdog = Watchdog.newBuilder("orders")
            .onStall(StallPolicy.exit(70)) // hung for 3 s: exit, and the supervisor restarts us
            .build();
        Watchdog.Loop accept = watchdog.register("accept", Duration.ofSeconds(3))) {
      health.start();
      watchdog.start();
      while (running()) {
        accept.heartbeat();
        try (FdBudget.Reservation fd = budget.tryReserve(1)) {
          if (fd == null) {
            shed(); // answer "busy" before the kernel answers EMFILE
            continue;
          }
          serve(server.accept());
        }
      }
    }
  }
  // README:health-quickstart:end

  @Test
  void quickstart_servesWithHealthWatchdogAndBudget() throws IOException {
    List<Socket> clients = new ArrayList<>();
    try (ServerSocket listening = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      server = listening;
      for (int i = 0; i < 3; i++) {
        clients.add(new Socket(listening.getInetAddress(), listening.getLocalPort()));
      }
      serveOrders();
    } finally {
      for (Socket client : clients) {
        client.close();
      }
    }
    assertThat(served).isEqualTo(3);
    assertThat(shed).isZero();
    assertThat(sessions).isEmpty();
    assertThat(pages).isEmpty();
  }

  @Test
  void readme_showsThisFilesQuickstart() throws IOException {
    String readme = Readme.text();
    assertThat(readme).contains(Readme.region(HealthReadmeTest.class, "health-quickstart"));
  }

  private boolean running() {
    return served + shed < 3;
  }

  private void shed() {
    shed++;
  }

  private void serve(@Owning Socket connection) throws IOException {
    try (connection) {
      sessions.put("s" + served, connection.getRemoteSocketAddress().toString());
      connection.getOutputStream().write("ok\n".getBytes(StandardCharsets.US_ASCII));
      sessions.remove("s" + served);
      served++;
    }
  }

}
