package dev.lifecycle.netty;

import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.LifecycleListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM's main: routes Netty's leak reports to a listener before Netty's buffer classes load,
 * leaks one {@code ByteBuf} at PARANOID and prints the report it got. Netty finds a leak when a
 * buffer is tracked after the leaked one was collected, so it collects and allocates until then.
 */
final class LeakingChild {
  private LeakingChild() {}

  public static void main(String[] args) throws InterruptedException {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    BlockingQueue<LeakReport> reports = new LinkedBlockingQueue<>();
    if (args[0].equals("property")) { // buffers first: only the property makes the order irrelevant
      ByteBuf early = ByteBufAllocator.DEFAULT.buffer(8);
      early.release();
    }
    NettyLeakReports.addListener(new LifecycleListener() {
      @Override
      public void onLeak(LeakReport report) {
        reports.add(report);
      }
    });
    System.out.println("COVERS " + NettyLeakReports.covers());
    leak();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() - deadline < 0) {
      System.gc();
      ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(8); // tracking it drains Netty's queue
      probe.release();
      LeakReport report = reports.poll(20, TimeUnit.MILLISECONDS);
      if (report != null) {
        System.out.println("KIND " + report.kind());
        System.out.println("SITE " + report.allocationSite().stream()
            .anyMatch(frame -> frame.getMethodName().equals("leak")));
        System.out.println("RECORD " + report.accessRecords().stream()
            .anyMatch(record -> record.contains("hint: read the header")));
        System.out.println("SUMMARY " + report.summary());
        return;
      }
    }
    System.out.println("NONE within 30 s");
  }

  private static void leak() {
    ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(64);
    leaked.writeLong(42);
    leaked.touch("hint: read the header");
    leaked.readLong(); // dropped without release()
  }
}
