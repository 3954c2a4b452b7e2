package dev.lifecycle.demo;

import dev.lifecycle.core.health.FileDescriptors;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The main class of a child JVM: {@code Child <scenario> <variant> key=value...}. Runs one variant of
 * one scenario and speaks {@link Wire} on standard output.
 */
final class Child {
  private Child() {}

  public static void main(String[] args) throws Exception {
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Wire wire = new Wire(stdout);
    if (args.length < 2) {
      wire.skip("usage: Child <scenario> <variant> key=value...");
      System.exit(2);
    }
    String scenario = args[0];
    Variant variant = Variant.parse(args[1]);
    Settings settings = Settings.parse(Arrays.asList(args).subList(2, args.length));
    long wantedLimit = Long.parseLong(settingOr(settings, "fdLimit", "0"));
    OptionalLong limit = FileDescriptors.system().max();
    if (wantedLimit > 0 && (limit.isEmpty() || limit.getAsLong() != wantedLimit)) {
      wire.skip("could not lower the FD limit to " + wantedLimit + " here (the JVM reports "
          + (limit.isPresent() ? limit.getAsLong() : "no limit") + ")");
      System.exit(3);
    }
    ChildRun run = create(scenario, variant);
    int port = run.start(settings, wire);
    wire.ready(port, limit.orElse(-1));
    long sampleMillis = settings.getLong("sampleMillis");
    Thread sampler = new Thread(() -> sample(run.gauges(), wire, sampleMillis), "demo-sampler");
    sampler.setDaemon(true);
    sampler.start();
    if (run.drivesItself()) {
      run.work(settings, wire);
    } else {
      awaitEndOfInput(System.in);
    }
    sampler.interrupt();
    run.finish(wire);
    stdout.flush();
    // Hung handler threads are the point of some runs: end without waiting for them.
    Runtime.getRuntime().halt(0);
  }

  /** The seam: one class per variant of each scenario. */
  static ChildRun create(String scenario, Variant variant) {
    boolean p = variant == Variant.PROTECTED;
    return switch (scenario) {
      case "fd-leak" -> p ? new ProtectedChatServer() : new UnprotectedChatServer();
      case "accounting-drift" -> p ? new PermitMailSender() : new CountingMailSender();
      case "registry-growth" -> p ? new RegistryConnectionManager() : new NeverForgettingConnectionManager();
      case "hang" -> p ? new ProtectedCacheServer() : new UnprotectedCacheServer();
      default -> throw new IllegalArgumentException("unknown scenario: " + scenario);
    };
  }

  private static String settingOr(Settings settings, String key, String fallback) {
    try {
      return settings.get(key);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static void awaitEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // the parent writes nothing; end of input means "finish"
      }
    } catch (IOException e) {
      // the parent is gone: finish too
    }
  }

  private static void sample(Map<String, LongSupplier> gauges, Wire wire, long millis) {
    while (!Thread.currentThread().isInterrupted()) {
      System.gc(); // heap after GC: what stays reachable
      Map<String, Long> values = new LinkedHashMap<>();
      values.put("heapKb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024);
      gauges.forEach((name, gauge) -> values.put(name, gauge.getAsLong()));
      wire.sample(values);
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

}
