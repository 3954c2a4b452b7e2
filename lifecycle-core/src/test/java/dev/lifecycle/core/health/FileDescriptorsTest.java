package dev.lifecycle.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.FdBudget;
import dev.lifecycle.core.health.FileDescriptors.Source;
import dev.lifecycle.core.internal.ProcFs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** Counts this process's real descriptors, so it runs alone: no other test opens any meanwhile. */
@Isolated
final class FileDescriptorsTest {
  private static final int N = 64;
  /** The JVM opens and closes a few descriptors of its own (jars, JIT, GC logs) at any time. */
  private static final long NOISE = 8;

  @TempDir Path dir;

  @Test
  void system_onThisLinuxJvm_usesTheMxBean() {
    assertThat(FileDescriptors.system().source()).isEqualTo(Source.MXBEAN);
    assertThat(FileDescriptors.system().isSupported()).isTrue();
  }

  @Test
  void open_afterOpeningFiles_risesByNAndFallsBack() throws IOException {
    for (Source source : List.of(Source.MXBEAN, Source.PROC_FS)) {
      FileDescriptors fds = FileDescriptors.from(source);
      long before = fds.open().orElseThrow();
      List<FileChannel> files = new ArrayList<>();
      try {
        for (int i = 0; i < N; i++) {
          files.add(FileChannel.open(dir.resolve(source + "-" + i), StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE));
        }
        long during = fds.open().orElseThrow();
        assertThat(during - before).as("rise seen by %s", source).isBetween(N - NOISE, N + NOISE);
      } finally {
        for (FileChannel file : files) {
          file.close();
        }
      }
      assertThat(fds.open().orElseThrow()).as("after close, by %s", source)
          .isBetween(before - NOISE, before + NOISE);
    }
  }

  @Test
  void open_afterOpeningSockets_risesByNAndFallsBack() throws IOException {
    FileDescriptors fds = FileDescriptors.system();
    long before = fds.open().orElseThrow();
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < N; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      assertThat(fds.open().orElseThrow() - before).isBetween(N - NOISE, N + NOISE);
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
    assertThat(fds.open().orElseThrow()).isBetween(before - NOISE, before + NOISE);
  }

  @Test
  void open_mxBeanAndProcFs_agree() {
    long mx = FileDescriptors.from(Source.MXBEAN).open().orElseThrow();
    long proc = FileDescriptors.from(Source.PROC_FS).open().orElseThrow();
    assertThat(proc).isBetween(mx - NOISE, mx + NOISE);
  }

  @Test
  void max_mxBeanAndProcFs_reportTheSameRunningLimit() {
    long mx = FileDescriptors.from(Source.MXBEAN).max().orElseThrow();
    long proc = FileDescriptors.from(Source.PROC_FS).max().orElseThrow();
    assertThat(proc).isEqualTo(mx).isPositive();
  }

  @Test
  void unsupported_answersEmptyNeverANumber() {
    FileDescriptors fds = FileDescriptors.from(Source.UNSUPPORTED);
    assertThat(fds.isSupported()).isFalse();
    assertThat(fds.open()).isEmpty();
    assertThat(fds.max()).isEmpty();
  }

  @Test
  void countOpen_missingDirectory_isMinusOne() {
    assertThat(ProcFs.countOpen(dir.resolve("missing"))).isEqualTo(-1);
  }

  @Test
  void countOpen_otherDirectory_countsEveryEntry() throws IOException {
    Files.createFile(dir.resolve("a"));
    Files.createFile(dir.resolve("b"));
    assertThat(ProcFs.countOpen(dir)).isEqualTo(2);
  }

  @Test
  void parseSoftFileLimit_limitsFile_readsSoftColumn() {
    String limits =
        """
        Limit                     Soft Limit           Hard Limit           Units
        Max processes             63459                63459                processes
        Max open files            4096                 524288               files
        """;
    assertThat(ProcFs.parseSoftFileLimit(limits)).isEqualTo(4096);
  }

  @Test
  void parseSoftFileLimit_unlimited_isMaxValue() {
    assertThat(ProcFs.parseSoftFileLimit("Max open files            unlimited            unlimited            files\n"))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void parseSoftFileLimit_missingOrGarbage_isMinusOne() {
    assertThat(ProcFs.parseSoftFileLimit("Max processes 10 10 processes\n")).isEqualTo(-1);
    assertThat(ProcFs.parseSoftFileLimit("Max open files            many                 many  files\n"))
        .isEqualTo(-1);
  }

  @Test
  void softFileLimit_missingFile_isMinusOne() {
    assertThat(ProcFs.softFileLimit(dir.resolve("limits"))).isEqualTo(-1);
  }

  @Test
  void fdBudget_realOpenCountNearCapacity_refusesUntilFilesClose() throws IOException {
    long open = FileDescriptors.system().open().orElseThrow();
    FdBudget budget =
        FdBudget.newBuilder().limit(open + N + 10).headroom(10).recheck(Duration.ZERO).build();
    FdBudget.Reservation granted = budget.tryReserve(1);
    assertThat(granted).isNotNull();
    granted.close();
    List<FileChannel> files = new ArrayList<>();
    try {
      for (int i = 0; i < N; i++) {
        files.add(FileChannel.open(dir.resolve("budget-" + i), StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE));
      }
      assertThat(budget.tryReserve(1)).as("open outside the budget ate the capacity").isNull();
      assertThat(budget.available()).isLessThanOrEqualTo(NOISE);
    } finally {
      for (FileChannel file : files) {
        file.close();
      }
    }
    try (FdBudget.Reservation again = budget.tryReserve(1)) {
      assertThat(again).isNotNull();
    }
  }

  @Test
  void fdBudget_limitBelowCurrentUsage_isRejected() {
    long open = FileDescriptors.system().open().orElseThrow();
    assertThatThrownBy(() -> FdBudget.newBuilder().limit(open).headroom(1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit " + open + " minus headroom 1 leaves " + (open - 1))
        .hasMessageContaining("file descriptors this process has open; raise the limit or lower the headroom");
  }
}
