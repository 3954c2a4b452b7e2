package dev.lifecycle.proptest;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Runs the tries of a property, shrinks the first failure and turns it into a report. */
final class Runner {
  private static final System.Logger LOG = System.getLogger("dev.lifecycle.proptest");

  private Runner() {}

  /**
   * Runs {@code trial} {@code settings.tries()} times (times {@code lifecycle.pbt.triesMultiplier})
   * within the time budget.
   *
   * @param what what is checked, for messages ("property", "stateful property")
   * @param noun what a failing try is called ("counterexample", "failing sequence")
   * @param statistics filled by the trial; logged if the system property asks for it
   * @param name the property's name, for messages
   * @throws PropertyFailure if a try fails
   */
  static Statistics run(
      Settings settings,
      Trial trial,
      String what,
      String noun,
      Statistics.Recorder statistics,
      String name) {
    int tries = settings.triesForThisRun();
    long runSeed = settings.firstSeed();
    long seed = runSeed;
    long started = System.nanoTime();
    long deadline = started + nanos(settings.maxDuration());
    int passed = 0;
    int discarded = 0;
    Choices.@Nullable Invalid lastDiscard = null;
    long lastDiscardSeed = 0;
    for (int attempt = 1; passed < tries; attempt++) {
      if (System.nanoTime() - deadline > 0) {
        LOG.log(
            Level.INFO,
            () ->
                name
                    + ": "
                    + what
                    + " stopped by its time budget of "
                    + settings.maxDuration()
                    + " after "
                    + statistics.tries()
                    + " of "
                    + tries
                    + " tries (raise it with -D"
                    + Settings.MAX_DURATION
                    + ")");
        break;
      }
      if (discarded > tries * 10L) {
        throw new IllegalStateException(
            name
                + ": "
                + what
                + " discarded "
                + discarded
                + " tries and passed "
                + passed
                + (lastDiscard instanceof Choices.TooDeep
                    ? "; its generators nest too deeply: " + lastDiscard.getMessage()
                    : "; its assumptions reject almost everything: generate valid inputs directly")
                + " (last discarded seed: "
                + lastDiscardSeed
                + ")");
      }
      Choices in = Choices.fresh(new SplittableRandom(seed), Shrinker.CHOICE_LIMIT);
      Trial.@Nullable Failure failure;
      try {
        failure = trial.run(in, true);
      } catch (Choices.Invalid e) {
        lastDiscard = e;
        lastDiscardSeed = seed;
        discarded++;
        statistics.discarded();
        seed = Settings.nextSeed(seed);
        continue;
      }
      statistics.tried();
      if (failure != null) {
        throw report(settings, trial, what, noun, in, failure, seed, runSeed, attempt, name);
      }
      passed++;
      seed = Settings.nextSeed(seed);
    }
    Statistics result = statistics.snapshot();
    if (Settings.logStatistics()) {
      LOG.log(Level.INFO, (Supplier<String>) () -> what + " statistics:\n" + result);
    }
    return result;
  }

  private static PropertyFailure report(
      Settings settings,
      Trial trial,
      String what,
      String noun,
      Choices in,
      Trial.Failure original,
      long seed,
      long runSeed,
      int attempt,
      String name) {
    Shrinker.Example failing = Shrinker.Example.of(in, original);
    long started = System.nanoTime();
    Shrinker shrinker =
        new Shrinker(
            trial, failing, settings.maxShrinks(), started + nanos(settings.maxShrinkDuration()));
    Shrinker.Example shrunk = shrinker.shrink();
    Trial.Failure minimal = shrunk.failure();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    String reproduction = trial.reproduction(shrunk.values());
    String message =
        name
            + ": "
            + what
            + " failed on try "
            + attempt
            + (seed == runSeed ? "" : " (run seed " + runSeed + ")")
            + " and shrank in "
            + shrinker.improvements()
            + " steps ("
            + shrinker.runs()
            + " runs, "
            + took.toMillis()
            + " ms"
            + (shrinker.stoppedByBudget()
                ? "; stopped by the shrink budget of "
                    + settings.maxShrinks()
                    + " runs or "
                    + settings.maxShrinkDuration()
                    + ", so this may not be minimal"
                : "")
            + ")\n"
            + describe("minimal " + noun, minimal)
            + describe("original " + noun, original)
            + (reproduction == null ? "" : reproduction + "\n")
            + "re-run exactly this case: -D"
            + Settings.SEED
            + "="
            + seed
            + " (or seed("
            + seed
            + "L) in code)";
    PropertyFailure failure =
        new PropertyFailure(
            message,
            minimal.cause(),
            seed,
            minimal.counterexample(),
            original.counterexample(),
            attempt,
            shrinker.improvements(),
            name,
            minimal.values(),
            shrinker.runs(),
            took);
    if (shrinker.improvements() > 0) { // else the minimal failure is the original one
      failure.addSuppressed(original.cause());
    }
    return failure;
  }

  /**
   * The name of the test that runs a property: the first caller outside this engine (and its
   * helpers in lifecycle-testing), as {@code SimpleClassName.method}.
   */
  static String callerName() {
    java.security.CodeSource ours = Runner.class.getProtectionDomain().getCodeSource();
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames ->
                frames
                    .filter(
                        f ->
                            !Objects.equals(
                                    f.getDeclaringClass().getProtectionDomain().getCodeSource(),
                                    ours)
                                && !(f.getClassName().startsWith("dev.lifecycle.testing.")
                                    && !f.getClassName().contains("Test")))
                    .findFirst()
                    .map(
                        f -> {
                          String type = f.getClassName();
                          String method = f.getMethodName();
                          if (method.startsWith("lambda$") && method.indexOf('$', 7) > 7) {
                            method = method.substring(7, method.indexOf('$', 7)); // the enclosing one
                          }
                          return type.substring(type.lastIndexOf('.') + 1) + "." + method;
                        })
                    .orElse("property"));
  }

  /** The duration in nanoseconds, at most about 146 years (so that adding it to now cannot wrap). */
  private static long nanos(Duration duration) {
    return duration.compareTo(Duration.ofDays(365L * 146)) > 0
        ? Duration.ofDays(365L * 146).toNanos()
        : duration.toNanos();
  }

  /** A failure as a titled block: the counterexample, how it failed, what it threw. */
  private static String describe(String title, Trial.Failure failure) {
    return title
        + ":\n"
        + indent(failure.counterexample(), "  ")
        + "\n  "
        + failure.outcome()
        + ":\n"
        + indent(limit(failure.cause().toString(), 20), "    ")
        + "\n";
  }

  /** {@code text} with {@code indent} before each line and no whitespace after any. */
  private static String indent(String text, String indent) {
    StringBuilder out = new StringBuilder();
    for (String line : text.strip().split("\n", -1)) {
      out.append(out.length() == 0 ? "" : "\n").append(indent).append(line.stripTrailing());
    }
    return out.toString();
  }

  /** The first {@code lines} lines of {@code text}, and a mark if there were more. */
  private static String limit(String text, int lines) {
    int at = -1;
    for (int i = 0; i < lines; i++) {
      at = text.indexOf('\n', at + 1);
      if (at < 0) {
        return text;
      }
    }
    return text.substring(0, at) + "\n...";
  }
}
