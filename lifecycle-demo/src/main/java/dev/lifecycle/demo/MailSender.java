package dev.lifecycle.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The mail sender, minus its connection accounting, which each variant brings: a producer queues
 * messages (60 % to the biggest provider, as in the postmortem; each message carries the per-recipient
 * data the week's change added), a dispatcher starts a delivery per destination while the accounting
 * allows one, a pool of threads delivers.
 */
abstract class MailSender implements ChildRun {
  /** A queued message, with the per-recipient bloat of the postmortem's change. */
  static final class Message {
    private final long id;
    private final String destination;
    final byte[] recipientData = new byte[48 * 1024];

    Message(long id, String destination) {
      this.id = id;
      this.destination = destination;
    }

    long id() {
      return id;
    }

    String destination() {
      return destination;
    }
  }

  /** A 4xx answer: the message goes back to the queue. */
  static final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    DeliveryException(String message) {
      super(message);
    }
  }

  static final int PER_DESTINATION_LIMIT = 4;
  static final String BIG = "gmail.example";
  private static final String[] DESTINATIONS = {BIG, "yahoo.example", "outlook.example", "fastmail.example"};

  final Map<String, DestinationServer> servers = new LinkedHashMap<>();
  final Map<String, ConcurrentLinkedDeque<Message>> queues = new LinkedHashMap<>();
  final ExecutorService pool = Executors.newFixedThreadPool(24, r -> {
    Thread t = new Thread(r, "mail-delivery");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  @Override
  public int start(Settings settings, Wire wire) throws IOException {
    for (String d : DESTINATIONS) {
      servers.put(d, new DestinationServer(d, PER_DESTINATION_LIMIT, d.equals(BIG) ? 15 : 1_000_000));
      queues.put(d, new ConcurrentLinkedDeque<>());
    }
    return 0;
  }

  @Override
  public boolean drivesItself() {
    return true;
  }

  @Override
  public void work(Settings settings, Wire wire) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.getLong("durationMillis"));
    long perTick = settings.getLong("messagesPerTick");
    long id = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < perTick; i++, id++) {
        String d = id % 10 < 6 ? BIG : DESTINATIONS[1 + (int) (id % 3)];
        queue(d).add(new Message(id, d));
      }
      for (Map.Entry<String, ConcurrentLinkedDeque<Message>> e : queues.entrySet()) {
        ConcurrentLinkedDeque<Message> queue = e.getValue();
        Message m;
        while ((m = queue.poll()) != null) {
          if (!dispatch(e.getKey(), m)) {
            queue.addFirst(m);
            break;
          }
        }
      }
      Thread.sleep(5);
    }
  }

  /** Starts delivering {@code message} if the accounting allows a connection now; false if not. */
  abstract boolean dispatch(String destination, Message message);

  /** How many connections to {@code destination} the sender believes it has. */
  abstract long believed(String destination);

  /** Delivers one message on a connection of its own; throws on a 4xx answer. */
  void deliver(Message message) throws IOException, DeliveryException {
    DestinationServer server = server(message.destination());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2_000);
      socket.setSoTimeout(2_000);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
      out.println("MAIL " + message.id());
      String reply = in.readLine();
      if (reply == null || !reply.startsWith("250")) {
        failures.incrementAndGet();
        throw new DeliveryException(message.destination() + " answered " + reply);
      }
      out.println("QUIT");
      in.readLine();
      sent.incrementAndGet();
    }
  }

  final ConcurrentLinkedDeque<Message> queue(String destination) {
    return java.util.Objects.requireNonNull(queues.get(destination), destination);
  }

  final DestinationServer server(String destination) {
    return java.util.Objects.requireNonNull(servers.get(destination), destination);
  }

  /** Puts a message that could not be delivered back at the head of its queue. */
  void requeue(Message message) {
    queue(message.destination()).addFirst(message);
  }

  @Override
  public Map<String, LongSupplier> gauges() {
    Map<String, LongSupplier> g = new LinkedHashMap<>();
    g.put("queued", () -> queues.values().stream().mapToLong(ConcurrentLinkedDeque::size).sum());
    g.put("queuedBig", () -> queue(BIG).size());
    g.put("believedBig", () -> believed(BIG));
    g.put("connections", () -> servers.values().stream().mapToLong(DestinationServer::open).sum());
    g.put("connectionsBig", () -> server(BIG).open());
    g.put("sent", sent::get);
    g.put("sentBig", () -> server(BIG).received());
    return g;
  }

  @Override
  public void finish(Wire wire) {
    List<String> per = new ArrayList<>();
    servers.forEach((name, server) -> per.add(name + " " + server.received()));
    wire.text("sentPerDestination", String.join(", ", per));
    wire.number("sent", sent.get());
    wire.number("sentBig", server(BIG).received());
    wire.number("queuedBig", queue(BIG).size());
    wire.number("queued", queues.values().stream().mapToLong(ConcurrentLinkedDeque::size).sum());
    wire.number("believedBig", believed(BIG));
    wire.number("connectionsBig", server(BIG).open());
    wire.number("deliveryFailures", failures.get());
  }
}
