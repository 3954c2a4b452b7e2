package dev.lifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.ResourceKind;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.Tracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The README's lifecycle-testing quickstart is this file's region between the {@code README}
 * markers; the failure the README shows is the one {@link #leakyTest_failsWithTheReportShownInTheReadme}
 * gets, with the parts that differ from run to run (ids, ages, thread names) compared as
 * placeholders.
 */
@Isolated("runs a leak-checked class whose file-descriptor check is process-wide")
final class ReadmeQuickstartTest {
  /** A tracked connection, as the core quickstart writes one. */
  static final class Connection implements AutoCloseable {
    private static final ResourceKind KIND = Tracker.global().kind("demo.Connection");
    private final Tracked tracked;

    Connection(String url) {
      this.tracked = KIND.track(this, () -> {}, url);
    }

    void send(String sql) {
      tracked.checkOpen();
    }

    @Override
    public void close() {
      tracked.close();
    }
  }

  static final List<Connection> PENDING = new ArrayList<>();

  // README:testing-quickstart:begin
  /** The code under test: an empty order keeps its connection for a retry that never comes. */
  static final class Orders {
    static void place(int id, List<String> items) {
      Connection db = new Connection("db://orders");
      if (items.isEmpty()) {
        PENDING.add(db); // bug: nobody retries, nobody closes
        return;
      }
      db.send("INSERT INTO orders VALUES (" + id + ")");
      db.close();
    }
  }

  @LeakChecked // resources, file descriptors and threads, checked after every test
  static final class OrdersTest {
    @Test
    void place_closesItsConnection() {
      Orders.place(42, List.of("book"));
    }

    @Test
    void place_emptyOrder_closesItsConnection() {
      Orders.place(43, List.of());
    }
  }
  // README:testing-quickstart:end

  @Test
  void leakyTest_failsWithTheReportShownInTheReadme() throws IOException {
    try {
      LeakCheckExtensionTest.run(OrdersTest.class); // warm-up: classes loaded, files opened once
      release();
      var events = LeakCheckExtensionTest.run(OrdersTest.class);

      assertThat(events.succeeded().count()).isEqualTo(1);
      List<String> failures = LeakCheckExtensionTest.failures(events);
      assertThat(failures).hasSize(1);
      String failure = failures.get(0);
      // Written out so that the README can be updated when the report changes on purpose.
      Files.writeString(Path.of("target", "readme-testing-failure.txt"), failure);
      assertThat(failure)
          .contains("demo.Connection", "db://orders")
          .contains("ReadmeQuickstartTest$Orders.place(ReadmeQuickstartTest.java:");
      assertThat(normalized(readme())).contains(normalized("```text\n" + failure + "\n```\n"));
    } finally {
      release();
    }
  }

  @Test
  void readme_showsThisFilesQuickstart() {
    assertThat(readme()).contains("```java\n" + region("testing-quickstart") + "```\n");
  }

  private static void release() {
    PENDING.forEach(Connection::close);
    PENDING.clear();
  }

  /** The report with what differs from run to run replaced by placeholders. */
  static String normalized(String text) {
    return text.replaceAll("#[0-9a-f]+", "#<id>")
        .replaceAll("age [0-9.]+ m?s", "age <age>")
        .replaceAll("opened on thread [^ \\n]+", "opened on thread <thread>");
  }

  private static String readme() {
    return read(Path.of("..", "README.md"));
  }

  /** The lines between the region's markers in this source file, without their common indent. */
  static String region(String name) {
    String text = read(Path.of("src/test/java/dev/lifecycle/testing/ReadmeQuickstartTest.java"));
    String begin = "// README:" + name + ":begin\n";
    int from = text.indexOf(begin) + begin.length();
    int to = text.lastIndexOf('\n', text.indexOf("// README:" + name + ":end"));
    return text.substring(from, to).stripIndent() + "\n";
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
    }
  }
}
