package dev.lifecycle.proptest;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The primitive random decisions a hand-written generator ({@link Gen#primitive}) makes. Each one
 * is recorded, so the value is reproduced from the seed and shrunk by simplifying the decisions:
 * a number towards its target, a bit towards {@code false}, an index towards 0.
 *
 * <p>Valid only inside the {@code draw} function it was given to, on that function's thread.
 */
public final class Draws {
  private final Choices in;

  Draws(Choices in) {
    this.in = in;
  }

  /**
   * A number in {@code [min, max]} that shrinks towards {@code target}; fresh ones mix in the
   * bounds, values near the target and values chosen earlier in the same try.
   *
   * @throws IllegalArgumentException if {@code min > max} or the target is out of bounds
   */
  public long between(long min, long max, long target) {
    if (min > max || target < min || target > max) {
      throw new IllegalArgumentException(
          "bad range [" + min + ", " + max + "] with target " + target
              + "; need min <= target <= max");
    }
    long[] edges =
        Arrays.stream(new long[] {min, max, target}).distinct().toArray();
    long value = in.draw(min, max, target, Numbers.suggest(in, min, max, target, edges));
    in.numberChosen(value);
    return value;
  }

  /**
   * A number in {@code [min, max]} that shrinks towards 0, or the bound nearest 0.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  public long between(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min > max: " + min + " > " + max);
    }
    return between(min, max, min > 0 ? min : Math.min(max, 0));
  }

  /**
   * An index in {@code [0, bound)}, uniform when fresh; shrinks towards 0.
   *
   * @throws IllegalArgumentException if {@code bound < 1}
   */
  public int index(int bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound < 1: " + bound + "; there must be something to pick");
    }
    return in.index(bound);
  }

  /**
   * A decision that is true with probability {@code probabilityOfTrue} when fresh; shrinks towards
   * {@code false}.
   */
  public boolean bit(double probabilityOfTrue) {
    return in.bit(probabilityOfTrue);
  }

  /** A value of {@code gen}, drawn here as part of this value (it shrinks with it). */
  public <T extends @Nullable Object> T draw(Gen<T> gen) {
    return Objects.requireNonNull(gen, "gen").generate(in);
  }
}
