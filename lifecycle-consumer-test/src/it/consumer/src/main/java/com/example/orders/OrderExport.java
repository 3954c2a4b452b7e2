package com.example.orders;

import dev.lifecycle.core.ResourceKind;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.TrackedResource;
import dev.lifecycle.core.Tracker;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes each order to its own file; every file is owned by a scope and closed on every path. */
public final class OrderExport {
  private static final ResourceKind KIND = Tracker.global().kind("orders.File");

  private OrderExport() {}

  /** How many order files are open right now, as the tracker counts them. */
  public static long openFiles() {
    return KIND.liveCount();
  }

  /** An order file that the tracker follows: dropped without close(), it is reported. */
  static final class OrderFile implements AutoCloseable, TrackedResource {
    private final Writer out;
    private final Tracked tracked;

    OrderFile(Path path) throws IOException {
      this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
      this.tracked = KIND.track(this, out, path.toString());
    }

    void write(String text) throws IOException {
      tracked.checkOpen();
      out.write(text);
    }

    @Override
    public Tracked tracked() {
      return tracked;
    }

    @Override
    public void close() throws IOException {
      if (tracked.close()) {
        out.close();
      }
    }
  }

  /**
   * Writes {@code orders} to {@code order-<i>.txt} in {@code dir}; returns how many were written.
   */
  public static int export(Path dir, List<String> orders) throws IOException {
    try (Scope export = Scope.open("export " + orders.size() + " orders")) {
      for (int i = 0; i < orders.size(); i++) {
        OrderFile file = export.own(new OrderFile(dir.resolve("order-" + i + ".txt")));
        file.write(orders.get(i));
      }
      return export.size();
    }
  }
}
