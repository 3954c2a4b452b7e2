package dev.lifecycle.demo;

import dev.lifecycle.core.Owning;
import dev.lifecycle.core.ResourceKind;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.TrackedResource;
import dev.lifecycle.core.Tracker;
import java.io.IOException;
import java.net.Socket;

/** An accepted socket that lifecycle tracks (the binary cache's requests). */
final class TrackedSocket implements AutoCloseable, TrackedResource {
  static final ResourceKind KIND = Tracker.global().kind("demo.Socket");

  @Owning private final Socket socket;
  private final Tracked tracked;

  TrackedSocket(@Owning Socket socket) {
    this.socket = socket;
    this.tracked = KIND.track(this, socket, String.valueOf(socket.getRemoteSocketAddress()));
  }

  /** The socket; this wrapper owns it: do not close it. */
  Socket socket() {
    tracked.checkOpen();
    return socket;
  }

  @Override
  public Tracked tracked() {
    return tracked;
  }

  /** Closes the socket. Safe to call more than once; later calls do nothing. */
  @Override
  public void close() throws IOException {
    if (tracked.close()) {
      socket.close();
    }
  }
}
