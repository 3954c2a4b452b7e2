package dev.lifecycle.proptest;

import java.util.SplittableRandom;

/** Suggestions for fresh integer choices: edge values, small values near the target, uniform. */
final class Numbers {
  private Numbers() {}

  /** A value in {@code [min, max]}: an edge value 1 in 8, near the target 3 in 8, else uniform. */
  static long suggest(SplittableRandom random, long min, long max, long target, long[] edges) {
    int roll = random.nextInt(8);
    if (roll == 0) {
      return edges[random.nextInt(edges.length)];
    }
    if (roll <= 3) {
      int bits = random.nextInt(64);
      long magnitude = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
      boolean up = random.nextBoolean();
      long value = up ? target + magnitude : target - magnitude; // magnitude is in [0, 2^63)
      boolean wrapped = up ? value < target : value > target;
      if (!wrapped && value >= min && value <= max) {
        return value;
      }
    }
    return uniform(random, min, max);
  }

  /** A uniform value in {@code [min, max]}, for any bounds. */
  static long uniform(SplittableRandom random, long min, long max) {
    long span = max - min;
    if (span >= 0 && span < Long.MAX_VALUE) {
      return min + random.nextLong(span + 1);
    }
    while (true) { // the range holds at least half of all longs
      long value = random.nextLong();
      if (value >= min && value <= max) {
        return value;
      }
    }
  }

  /** How far {@code value} is from {@code target}, as an unsigned long. */
  static long distance(long value, long target) {
    return value >= target ? value - target : target - value;
  }

  /** The value at unsigned {@code distance} from {@code target} on the side of {@code from}. */
  static long towards(long target, long from, long distance) {
    return from >= target ? target + distance : target - distance;
  }
}
