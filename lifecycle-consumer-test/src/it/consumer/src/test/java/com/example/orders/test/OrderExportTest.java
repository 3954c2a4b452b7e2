package com.example.orders.test;

import static dev.lifecycle.testing.LifecycleAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.example.orders.OrderExport;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Property;
import dev.lifecycle.testing.LeakChecked;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@LeakChecked
final class OrderExportTest {
  @TempDir Path dir;

  @Test
  void export_inAnOpenScope_leavesTheScopeOwningNothingAndNoFileOpen() throws IOException {
    try (Scope request = Scope.open("request")) {
      assertEquals(2, OrderExport.export(dir, List.of("apples", "pears")));
      assertThat(request).isOpen().ownsNothing();
    }
    assertThat(Tracker.global()).hasNoLiveResourcesOfKind("orders.File").hasNoLeaks();
  }

  @Test
  void export_anyOrders_writesEachAndLeavesNothingOpen() {
    Property.forAll(Gen.lists(Gen.strings(0, 8), 0, 5))
        .tries(50)
        .check(
            orders -> {
              try {
                assertEquals(orders.size(), OrderExport.export(dir, orders));
                for (int i = 0; i < orders.size(); i++) {
                  Path file = dir.resolve("order-" + i + ".txt");
                  assertEquals(orders.get(i), Files.readString(file, StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              assertEquals(0, OrderExport.openFiles());
            });
  }

  @Test
  void systemLogger_withTheReadmeLoggingDependency_isRoutedToSlf4j() {
    String logger = System.getLogger("dev.lifecycle").getClass().getName();
    assertTrue(logger.startsWith("org.slf4j."), () -> "System.Logger is " + logger);
  }

  @Test
  void runtime_isTheOneThisRunWasAskedFor() {
    String expected = System.getProperty("lifecycle.expectedJavaVersion", "");
    assumeFalse(expected.isEmpty(), "this run was not asked for a particular Java version");
    assertEquals(expected, String.valueOf(Runtime.version().feature()));
  }
}
