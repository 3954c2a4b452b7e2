package dev.lifecycle.demo;

import dev.lifecycle.core.Masking;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs scenarios one after the other, each one's two variants side by side, with a progress line. */
final class DemoRunner {
  private final DemoOptions options;
  private final PrintStream progress;
  private final boolean interactive;

  DemoRunner(DemoOptions options, PrintStream progress, boolean interactive) {
    this.options = options;
    this.progress = progress;
    this.interactive = interactive;
  }

  List<ScenarioResult> run(List<Scenario> scenarios) throws InterruptedException {
    List<ScenarioResult> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "demo-run");
      t.setDaemon(true);
      return t;
    });
    try {
      for (Scenario scenario : scenarios) {
        results.add(runOne(scenario, pool));
      }
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  private ScenarioResult runOne(Scenario scenario, ExecutorService pool) throws InterruptedException {
    RunRecord unprotected = new RunRecord(Variant.UNPROTECTED);
    RunRecord protectedRun = new RunRecord(Variant.PROTECTED);
    Scenario.Status us = new Scenario.Status();
    Scenario.Status ps = new Scenario.Status();
    long start = System.nanoTime();
    Future<?> u = pool.submit(() -> runVariant(scenario, unprotected, us));
    Future<?> p = pool.submit(() -> runVariant(scenario, protectedRun, ps));
    long lastLine = 0;
    while (!(u.isDone() && p.isDone())) {
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      String line = String.format(Locale.ROOT, "%-16s unprotected: %-44s | protected: %s", scenario.name(), us.get(), ps.get());
      if (interactive) {
        progress.print("\r" + pad(line, 130));
        progress.flush();
      } else if (elapsedMs - lastLine >= 2_000) {
        lastLine = elapsedMs;
        progress.println(line);
      }
      Thread.sleep(100);
    }
    await(u, unprotected);
    await(p, protectedRun);
    double seconds = (System.nanoTime() - start) / 1e9;
    String done = String.format(Locale.ROOT, "%-16s done in %.1f s", scenario.name(), seconds);
    progress.print(interactive ? "\r" + pad(done, 130) + "\n" : done + "\n");
    progress.flush();
    List<Scenario.Row> rows = unprotected.skipped() == null && protectedRun.skipped() == null
        ? scenario.rows(unprotected, protectedRun)
        : List.of();
    return new ScenarioResult(scenario, unprotected, protectedRun, rows);
  }

  private void runVariant(Scenario scenario, RunRecord record, Scenario.Status status) {
    try {
      scenario.run(record.variant(), options, record, status);
      status.set("done");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      record.skip("interrupted");
    } catch (Exception | Error e) {
      record.skip("failed: " + Masking.mask(String.valueOf(e)));
    }
  }

  private static void await(Future<?> future, RunRecord record) throws InterruptedException {
    try {
      future.get();
    } catch (ExecutionException e) {
      record.skip("failed: " + Masking.mask(String.valueOf(e.getCause())));
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s.substring(0, width) : s + " ".repeat(width - s.length());
  }
}
