package dev.lifecycle.core;

import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The accept loop of a blocking server ({@link ServerSocketChannel} or {@link ServerSocket}), with
 * a {@link ConnectionGate}'s protection: each accepted connection is admitted or refused by the
 * gate; a refused one is closed at once with {@code SO_LINGER 0} (the peer sees a reset, no
 * {@code TIME_WAIT} is left); an admitted one is handed to the handler on the executor (a thread
 * per connection, virtual threads on Java 21+: {@code Executors.newVirtualThreadPerTaskExecutor()})
 * and, when the handler returns or throws, its socket is closed and its admission released, exactly
 * once. While the gate's FD budget is low, the loop stops accepting (connections wait in the
 * kernel's backlog) and resumes when it recovers; an accept that fails ({@code EMFILE}) backs off
 * from 10 ms up to 1 s instead of spinning.
 *
 * <pre>{@code
 * try (AcceptLoop loop = AcceptLoop.of(server, gate, executor, channel -> serve(channel))) {
 *   loop.run(); // until close() or drain(...) from another thread
 * }
 * }</pre>
 *
 * <p>The loop owns the server socket and every accepted socket: {@link #close()} stops accepting
 * and closes the server socket (open connections go on), {@link #drain} also waits for them to end
 * and force-closes what is still open at its deadline. Thread-safe.
 */
public final class AcceptLoop implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.lifecycle.connections");
  private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * Serves one connection on the executor's thread. It may throw anything: an {@code IOException}
   * (a peer's reset) is logged at DEBUG, anything else at ERROR, and the socket is closed and its
   * admission released all the same.
   *
   * @param <S> the socket type
   */
  @FunctionalInterface
  public interface Handler<S> {
    /** Serves {@code socket}; the loop closes it after this returns. */
    void handle(S socket) throws Exception;
  }

  private final Sockets<?> sockets;
  private final ConnectionGate gate;
  private final Executor executor;
  private final Set<Connection<?>> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong acceptFailures = new AtomicLong();
  private final AtomicLong forced = new AtomicLong();
  private final AtomicReference<@Nullable Thread> runner = new AtomicReference<>();
  private volatile boolean closed;

  private AcceptLoop(Sockets<?> sockets, ConnectionGate gate, Executor executor) {
    this.sockets = sockets;
    this.gate = gate;
    this.executor = executor;
  }

  /**
   * An accept loop over {@code server}, which it owns from now on.
   *
   * @param executor runs {@code handler} once per admitted connection
   */
  public static AcceptLoop of(
      @Owning ServerSocketChannel server,
      ConnectionGate gate,
      Executor executor,
      Handler<SocketChannel> handler) {
    return new AcceptLoop(
        new ChannelSockets(Require.nonNull(server, "server"), Require.nonNull(handler, "handler")),
        Require.nonNull(gate, "gate"),
        Require.nonNull(executor, "executor"));
  }

  /**
   * An accept loop over {@code server}, which it owns from now on.
   *
   * @param executor runs {@code handler} once per admitted connection
   */
  public static AcceptLoop of(
      @Owning ServerSocket server, ConnectionGate gate, Executor executor, Handler<Socket> handler) {
    return new AcceptLoop(
        new PlainSockets(Require.nonNull(server, "server"), Require.nonNull(handler, "handler")),
        Require.nonNull(gate, "gate"),
        Require.nonNull(executor, "executor"));
  }

  /**
   * Accepts connections on the calling thread until {@link #close()} (or {@link #drain}) is called
   * from another thread, or the server socket is closed.
   *
   * @throws IllegalStateException if the loop is already running or was closed
   */
  public void run() {
    Require.state(!closed, "accept loop of %s is closed; open a new server socket", gate.name());
    Thread me = Thread.currentThread();
    Require.state(
        runner.compareAndSet(null, me),
        "accept loop of %s is already running on %s",
        gate.name(),
        runner.get());
    try {
      accept();
    } finally {
      runner.set(null);
    }
  }

  private void accept() {
    long backoff = 0;
    while (!closed) {
      if (gate.acceptPaused()) {
        LockSupport.parkNanos(this, PAUSE_NANOS);
        continue;
      }
      try {
        sockets.acceptOne(this);
        backoff = 0;
      } catch (IOException e) {
        if (closed || !sockets.isOpen()) {
          return;
        }
        acceptFailures.incrementAndGet();
        backoff = backoff == 0 ? PAUSE_NANOS : Math.min(MAX_BACKOFF_NANOS, backoff * 2);
        long wait = backoff;
        LOG.log(
            System.Logger.Level.WARNING,
            () -> "lifecycle: " + gate.name() + " accept failed (" + UserCode.describeFailure(e)
                + "); trying again in " + TimeUnit.NANOSECONDS.toMillis(wait) + " ms");
        LockSupport.parkNanos(this, backoff);
      }
    }
  }

  /** Connections admitted and not yet closed. */
  public int connections() {
    return connections.size();
  }

  /** How many accepts failed (an {@code EMFILE}, for instance) while the loop was open. */
  public long acceptFailures() {
    return acceptFailures.get();
  }

  /** How many connections {@link #drain} had to force-close. */
  public long forced() {
    return forced.get();
  }

  /**
   * The address the server socket is bound to (to learn the port after binding to port 0).
   *
   * @throws IllegalStateException if the server socket is closed or not bound
   */
  public SocketAddress localAddress() {
    SocketAddress local = sockets.local();
    if (local == null) {
      throw new IllegalStateException("server socket of " + gate.name() + " is closed or not bound");
    }
    return local;
  }

  /** The gate this loop admits through. */
  public ConnectionGate gate() {
    return gate;
  }

  /**
   * Stops accepting and closes the server socket; connections already admitted go on. Safe to call
   * more than once; later calls do nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Throwable failure = UserCode.run(sockets::closeServer);
    if (failure != null) {
      LOG.log(System.Logger.Level.WARNING, "lifecycle: closing the server socket of " + gate.name()
          + " failed: " + UserCode.describeFailure(failure));
    }
    Thread running = runner.get();
    if (running != null) {
      LockSupport.unpark(running);
    }
  }

  /**
   * Graceful drain: {@link #close()}, then waits up to {@code timeout} for the open connections to
   * end, then force-closes ({@code SO_LINGER 0}) what is still open.
   *
   * @return how many connections had to be force-closed
   * @throws InterruptedException if interrupted while waiting; the rest is then force-closed first
   */
  public int drain(Duration timeout) throws InterruptedException {
    Require.nonNegative(timeout, "timeout");
    close();
    long deadline = Require.deadlineNanos(System.nanoTime(), Require.saturatedNanos(timeout));
    while ((runner.get() != null || !connections.isEmpty()) && deadline - System.nanoTime() > 0) {
      if (Thread.interrupted()) {
        forceRest();
        throw new InterruptedException("interrupted while draining " + gate.name());
      }
      LockSupport.parkNanos(this, Math.min(PAUSE_NANOS, deadline - System.nanoTime()));
    }
    return forceRest();
  }

  private int forceRest() {
    int count = 0;
    for (Connection<?> connection : connections) {
      if (connection.end(true)) {
        count++;
      }
    }
    forced.addAndGet(count);
    if (count > 0) {
      int total = count;
      LOG.log(
          System.Logger.Level.WARNING,
          () -> "lifecycle: " + gate.name() + " drained; " + total
              + " connections were still open at the deadline and were reset");
    }
    return count;
  }

  @Override
  public String toString() {
    return "AcceptLoop[" + gate + ", " + connections.size() + " connections"
        + (closed ? ", closed]" : "]");
  }

  /** One admitted connection: its socket and its admission, ended exactly once. */
  private static final class Connection<S> {
    final AcceptLoop loop;
    final Sockets<S> sockets;
    final S socket;
    final ConnectionGate.Admission admission;
    final AtomicBoolean ended = new AtomicBoolean();

    Connection(AcceptLoop loop, Sockets<S> sockets, S socket, ConnectionGate.Admission admission) {
      this.loop = loop;
      this.sockets = sockets;
      this.socket = socket;
      this.admission = admission;
    }

    void serve() {
      Throwable failure = UserCode.run(() -> sockets.handler.handle(socket));
      if (failure instanceof IOException) { // a peer's reset or a forced close: routine for a server
        LOG.log(
            System.Logger.Level.DEBUG,
            () -> "lifecycle: a connection of " + loop.gate.name() + " ended with "
                + UserCode.describeFailure(failure));
      } else if (failure != null) {
        UserCode.failed("handler of a connection of " + loop.gate.name(), failure);
      }
      end(false);
    }

    /**
     * Closes the socket (reset when {@code abort}) and releases the admission; true only to the
     * first caller, decided before the socket is closed, so that a forced close racing the handler's
     * own end (woken by that close) is counted as forced.
     */
    boolean end(boolean abort) {
      if (!ended.compareAndSet(false, true)) {
        return false;
      }
      if (abort) {
        sockets.abort(socket);
      } else {
        sockets.closeQuietly(socket);
      }
      admission.release();
      loop.connections.remove(this);
      return true;
    }
  }

  /** The operations on one kind of blocking socket. */
  private abstract static class Sockets<S> {
    final Handler<S> handler;

    Sockets(Handler<S> handler) {
      this.handler = handler;
    }

    abstract S accept() throws IOException;

    abstract SocketAddress remote(S socket) throws IOException;

    abstract void abort(S socket);

    abstract void closeQuietly(S socket);

    abstract boolean isOpen();

    abstract void closeServer() throws IOException;

    abstract @Nullable SocketAddress local();

    void acceptOne(AcceptLoop loop) throws IOException {
      S socket = accept();
      SocketAddress remote;
      try {
        remote = remote(socket);
      } catch (IOException | RuntimeException e) {
        abort(socket);
        return;
      }
      ConnectionGate.Admission admission = loop.gate.admit(remote);
      if (!admission.isAdmitted()) {
        admission.close(); // a refusal holds nothing, but every path closes what admit returned
        abort(socket);
        return;
      }
      Connection<S> connection = new Connection<>(loop, this, socket, admission);
      loop.connections.add(connection);
      Throwable rejected = UserCode.run(() -> loop.executor.execute(connection::serve));
      if (rejected != null) {
        connection.end(true);
        UserCode.failed("executor of " + loop.gate.name() + " did not take a connection", rejected);
      }
    }
  }

  private static final class ChannelSockets extends Sockets<SocketChannel> {
    private final ServerSocketChannel server;

    ChannelSockets(ServerSocketChannel server, Handler<SocketChannel> handler) {
      super(handler);
      this.server = server;
    }

    @Override
    SocketChannel accept() throws IOException {
      SocketChannel channel = server.accept();
      if (channel == null) { // a non-blocking server socket with nothing pending
        throw new IOException("server socket channel is in non-blocking mode; configure it blocking");
      }
      return channel;
    }

    @Override
    SocketAddress remote(SocketChannel socket) throws IOException {
      SocketAddress remote = socket.getRemoteAddress();
      if (remote == null) {
        throw new IOException("accepted channel is not connected");
      }
      return remote;
    }

    @Override
    void abort(SocketChannel socket) {
      try {
        socket.setOption(StandardSocketOptions.SO_LINGER, 0);
      } catch (IOException | RuntimeException e) {
        // already closed or reset by the peer: closing is all that is left to do
      }
      closeQuietly(socket);
    }

    @Override
    void closeQuietly(SocketChannel socket) {
      try {
        socket.close();
      } catch (IOException e) {
        // the descriptor is released even when close reports a failure
      }
    }

    @Override
    boolean isOpen() {
      return server.isOpen();
    }

    @Override
    @Nullable SocketAddress local() {
      try {
        return server.getLocalAddress();
      } catch (IOException e) { // closed
        return null;
      }
    }

    @Override
    void closeServer() throws IOException {
      server.close();
    }
  }

  private static final class PlainSockets extends Sockets<Socket> {
    private final ServerSocket server;

    PlainSockets(ServerSocket server, Handler<Socket> handler) {
      super(handler);
      this.server = server;
    }

    @Override
    Socket accept() throws IOException {
      return server.accept();
    }

    @Override
    SocketAddress remote(Socket socket) throws IOException {
      SocketAddress remote = socket.getRemoteSocketAddress();
      if (remote == null) {
        throw new IOException("accepted socket is not connected");
      }
      return remote;
    }

    @Override
    void abort(Socket socket) {
      try {
        socket.setSoLinger(true, 0);
      } catch (IOException | RuntimeException e) {
        // already closed or reset by the peer: closing is all that is left to do
      }
      closeQuietly(socket);
    }

    @Override
    void closeQuietly(Socket socket) {
      try {
        socket.close();
      } catch (IOException e) {
        // the descriptor is released even when close reports a failure
      }
    }

    @Override
    boolean isOpen() {
      return !server.isClosed();
    }

    @Override
    @Nullable SocketAddress local() {
      return server.isClosed() ? null : server.getLocalSocketAddress();
    }

    @Override
    void closeServer() throws IOException {
      server.close();
    }
  }
}
