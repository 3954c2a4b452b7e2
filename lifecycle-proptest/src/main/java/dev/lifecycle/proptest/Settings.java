package dev.lifecycle.proptest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * How long a property runs: tries, seed, time budget and shrink budget.
 *
 * <p>Defaults come from system properties, so CI can change them for a whole run: {@value
 * #TRIES} (default 100), {@value #MAX_DURATION} (ISO-8601, default {@code PT10S}), {@value
 * #SEED} (default: a new random seed per property) and {@value #STATISTICS} ({@code true} logs
 * every property's statistics). A value set on the property in code wins over the default, except
 * the seed: {@value #SEED} wins over everything, so a reported failure can be re-run as it is.
 * {@value #TRIES_MULTIPLIER} (default 1) multiplies the tries of every property, those set in code
 * included: a nightly run passes {@code -Dlifecycle.pbt.triesMultiplier=10} (and a longer {@value
 * #MAX_DURATION}).
 */
record Settings(
    int tries,
    @Nullable Long seed,
    Duration maxDuration,
    int maxShrinks,
    Duration maxShrinkDuration,
    int maxSteps) {
  static final String SEED = "lifecycle.pbt.seed";
  static final String TRIES = "lifecycle.pbt.tries";
  static final String TRIES_MULTIPLIER = "lifecycle.pbt.triesMultiplier";
  static final String MAX_DURATION = "lifecycle.pbt.maxDuration";
  static final String STATISTICS = "lifecycle.pbt.statistics";

  static final int DEFAULT_TRIES = 100;
  static final Duration DEFAULT_MAX_DURATION = Duration.ofSeconds(10);
  static final int DEFAULT_MAX_SHRINKS = 10_000;
  static final int DEFAULT_MAX_STEPS = 30;

  /** The defaults, read from the system properties now. */
  static Settings defaults() {
    return new Settings(
        intProperty(TRIES, DEFAULT_TRIES),
        null,
        durationProperty(MAX_DURATION, DEFAULT_MAX_DURATION),
        DEFAULT_MAX_SHRINKS,
        durationProperty(MAX_DURATION, DEFAULT_MAX_DURATION),
        DEFAULT_MAX_STEPS);
  }

  Settings withTries(int tries) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries < 1: " + tries + "; a property needs a try");
    }
    return new Settings(tries, seed, maxDuration, maxShrinks, maxShrinkDuration, maxSteps);
  }

  Settings withSeed(long seed) {
    return new Settings(tries, seed, maxDuration, maxShrinks, maxShrinkDuration, maxSteps);
  }

  Settings withMaxDuration(Duration maxDuration) {
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw new IllegalArgumentException(
          "maxDuration not positive: " + maxDuration + "; give the property some time");
    }
    return new Settings(tries, seed, maxDuration, maxShrinks, maxDuration, maxSteps);
  }

  Settings withMaxShrinks(int maxShrinks) {
    if (maxShrinks < 0) {
      throw new IllegalArgumentException(
          "maxShrinks < 0: " + maxShrinks + "; pass 0 to report the failure unshrunk");
    }
    return new Settings(tries, seed, maxDuration, maxShrinks, maxShrinkDuration, maxSteps);
  }

  Settings withMaxSteps(int maxSteps) {
    if (maxSteps < 1) {
      throw new IllegalArgumentException(
          "maxSteps < 1: " + maxSteps + "; a sequence needs room for a step");
    }
    return new Settings(tries, seed, maxDuration, maxShrinks, maxShrinkDuration, maxSteps);
  }

  /** The tries of this run: {@link #tries()} times the multiplier, at most Integer.MAX_VALUE. */
  int triesForThisRun() {
    return (int) Math.min(Integer.MAX_VALUE, (long) tries * intProperty(TRIES_MULTIPLIER, 1));
  }

  /** The seed of the first try: the system property, else the one set in code, else random. */
  long firstSeed() {
    String forced = System.getProperty(SEED);
    if (forced != null && !forced.isBlank()) {
      try {
        return Long.parseLong(forced.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "system property " + SEED + " is not a long: \"" + forced + "\"; pass -D" + SEED
                + "=<the seed a failure reported>",
            e);
      }
    }
    return seed != null ? seed : ThreadLocalRandom.current().nextLong();
  }

  /** Whether the first seed was given, in code or by the system property, rather than random. */
  boolean seeded() {
    String forced = System.getProperty(SEED);
    return seed != null || (forced != null && !forced.isBlank());
  }

  /** Whether every property's statistics are logged. */
  static boolean logStatistics() {
    return Boolean.parseBoolean(System.getProperty(STATISTICS, "false"));
  }

  /** The seed of the try after the one seeded {@code seed} (a SplitMix64 step). */
  static long nextSeed(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static int intProperty(String name, int fallback) {
    String text = System.getProperty(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new IllegalArgumentException(
        "system property " + name + " is not a positive int: \"" + text + "\"; pass e.g. -D"
            + name + "=1000");
  }

  private static Duration durationProperty(String name, Duration fallback) {
    String text = System.getProperty(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      Duration value = Duration.parse(text.strip());
      if (!value.isNegative() && !value.isZero()) {
        return value;
      }
    } catch (DateTimeParseException e) {
      // reported below with the value
    }
    throw new IllegalArgumentException(
        "system property " + name + " is not a positive ISO-8601 duration: \"" + text
            + "\"; pass e.g. -D" + name + "=PT30S");
  }
}
