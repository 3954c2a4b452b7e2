package dev.lifecycle.proptest;

import java.util.SplittableRandom;

/** Suggestions for fresh integer choices: edge values, small values near the target, uniform. */
final class Numbers {
  private Numbers() {}

  /**
   * A value in {@code [min, max]}: an edge value 1 in 16; 3 in 16 a value this try chose before,
   * as it is or a little off (bugs live where two values are equal or neighbours); near the target
   * 6 in 16; else uniform. Edge values are rare because a case that starts at one (say {@code
   * [MAX, MAX - 1]}) is far from any simple case.
   */
  static long suggest(Choices in, long min, long max, long target, long[] edges) {
    SplittableRandom random = in.random();
    int roll = random.nextInt(16);
    if (roll == 0) {
      return edges[random.nextInt(edges.length)];
    }
    if (roll <= 3 && in.numbersSeen() > 0) {
      long earlier = in.numberSeen(random.nextInt(in.numbersSeen()));
      int offset = random.nextInt(4) == 0 ? 0 : random.nextInt(2) == 0 ? 1 : 2 + random.nextInt(3);
      boolean up = random.nextBoolean();
      long value = up ? earlier + offset : earlier - offset;
      boolean wrapped = up ? value < earlier : value > earlier;
      if (!wrapped && value >= min && value <= max) {
        return value;
      }
    }
    if (roll <= 9) {
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

  /**
   * Orders two choices by simplicity: the one nearer its target first (distances unsigned); at the
   * same distance, the one at or above its target, so that 1 comes before -1.
   */
  static int compareSimplicity(long a, long targetA, long b, long targetB) {
    int order = Long.compareUnsigned(distance(a, targetA), distance(b, targetB));
    if (order != 0) {
      return order;
    }
    return Boolean.compare(a < targetA, b < targetB);
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
