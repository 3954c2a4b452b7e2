package dev.lifecycle.netty;

import dev.lifecycle.core.health.FileDescriptors;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Blocking loopback clients and the checks the server tests share. */
final class Sockets {
  private static final FileDescriptors FDS = FileDescriptors.system();

  private Sockets() {}

  /** {@code 127.0.0.host}: every address of 127/8 is the loopback interface on Linux. */
  static InetAddress loopback(int host) {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static long openFds() {
    return FDS.open().orElseThrow();
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within 10 s: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** Connects from {@code 127.0.0.host}, sends a byte; true if the server answered it. */
  static boolean served(Socket socket, int host, InetSocketAddress server) throws IOException {
    socket.bind(new InetSocketAddress(loopback(host), 0));
    socket.setSoTimeout(5_000);
    try {
      socket.connect(server, 5_000); // a refusal's reset can arrive before connect returns
      socket.getOutputStream().write(1);
      return socket.getInputStream().read() == 1;
    } catch (SocketTimeoutException e) {
      throw e; // neither served nor refused: a failure of the test
    } catch (IOException reset) {
      return false;
    }
  }

  static boolean endOrReset(InputStream in) {
    try {
      return in.read() < 0;
    } catch (IOException reset) {
      return true;
    }
  }

  /** One burst: a third closed normally, a third reset, a third half-closed and closed later. */
  static void burst(InetSocketAddress server, int connections, int round) throws IOException {
    List<Socket> halfOpen = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        Socket socket = new Socket();
        try {
          if (!served(socket, 1 + (i + round) % 4, server)) {
            throw new AssertionError("connection " + i + " of round " + round + " was not served");
          }
          switch (i % 3) {
            case 0 -> socket.close();
            case 1 -> {
              socket.setSoLinger(true, 0);
              socket.close();
            }
            default -> {
              socket.shutdownOutput();
              halfOpen.add(socket);
            }
          }
        } catch (IOException | RuntimeException | Error e) {
          socket.close();
          throw e;
        }
      }
    } finally {
      for (Socket socket : halfOpen) {
        socket.close();
      }
    }
  }
}
