package dev.lifecycle.proptest;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A generator of random values of type {@code T}, with integrated shrinking.
 *
 * <p>Generators are immutable, thread-safe descriptions: they hold no random state. A property
 * drives them with one seeded {@link java.util.SplittableRandom} per try, so a run is reproduced
 * exactly from its seed. Shrinking works on the random choices a generator made rather than on
 * values, so a generator built with {@link #map}, {@link #flatMap}, {@link #filter} or
 * {@link #zip} shrinks as well as the generators it is built from, and nobody writes a shrinker.
 *
 * <p>Each factory documents its shrink target: integers shrink towards 0 (or the bound nearest to
 * it), booleans towards {@code false}, choices among alternatives towards the first one,
 * collections towards fewer and simpler elements. Generated values must not be {@code null},
 * except those of {@link #nullable}.
 *
 * @param <T> the type of the generated values
 */
@CheckReturnValue
public final class Gen<T extends @Nullable Object> {
  /** How many values in a row {@link #filter} may reject before it gives up. */
  static final int FILTER_ATTEMPTS = 100;

  private static final String DEFAULT_ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.:/";

  /** How a generator turns choices into a value. */
  @FunctionalInterface
  interface Draw<T extends @Nullable Object> {
    T draw(Choices in);
  }

  /** Labels the spans of each generator's choices, so the shrinker knows which look alike. */
  private static final AtomicInteger LABELS = new AtomicInteger();

  private final Draw<T> draw;
  private final String description;
  private final boolean nullable;
  private final int label = LABELS.incrementAndGet();

  private Gen(Draw<T> draw, String description, boolean nullable) {
    this.draw = draw;
    this.description = description;
    this.nullable = nullable;
  }

  static <T> Gen<T> of(Draw<T> draw, String description) {
    return new Gen<>(draw, description, false);
  }

  /**
   * Generates one value from {@code in}, its choices in a span of their own.
   *
   * @throws NullPointerException if a generator that is not {@link #nullable} generated null
   * @throws Choices.TooDeep if generators nest too deeply
   */
  T generate(Choices in) {
    in.enter();
    int start = in.startSpan();
    T value;
    try {
      value = draw.draw(in);
    } finally {
      in.exit();
    }
    if (value == null && !nullable) {
      throw new NullPointerException(
          description + " generated null; wrap it in Gen.nullable(..) if null is a valid value");
    }
    in.endSpan(start, label);
    return value;
  }

  // ---------------------------------------------------------------- writing a generator

  /**
   * A generator written by hand from the primitive draws of {@link Draws}: the shrinker works on
   * those draws, so the generator shrinks like the built-in ones without a shrinker of its own.
   *
   * <pre>{@code
   * Gen<Point> points = Gen.primitive("points", in -> new Point(in.between(-9, 9), in.between(-9, 9)));
   * }</pre>
   *
   * @param description what it generates, shown in messages
   * @param draw makes one value from the draws; it must take every random decision from them
   *     (never from a random source of its own), so that a seed reproduces the value
   */
  public static <T> Gen<T> primitive(String description, Function<? super Draws, ? extends T> draw) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(draw, "draw");
    return of(in -> draw.apply(new Draws(in)), description);
  }

  // ---------------------------------------------------------------- recursion and null

  /**
   * The generator {@code gen} supplies, made when it is first used: for a generator that refers
   * to itself (a tree whose children are trees). Prefer {@link #recursive}, which bounds the
   * depth; a lazy recursion without a bound is cut off after {@value Choices#MAX_NESTING} nested
   * generators, and such a try is discarded.
   */
  public static <T extends @Nullable Object> Gen<T> lazy(Supplier<? extends Gen<? extends T>> gen) {
    Objects.requireNonNull(gen, "gen");
    Supplier<Gen<? extends T>> memo =
        new Supplier<>() {
          private volatile @Nullable Gen<? extends T> made;

          @Override
          public Gen<? extends T> get() {
            Gen<? extends T> result = made;
            if (result == null) {
              result = Objects.requireNonNull(gen.get(), "lazy generator supplied null");
              made = result;
            }
            return result;
          }
        };
    return new Gen<T>(in -> memo.get().generate(in), "lazy(..)", true);
  }

  /**
   * Recursive values, such as trees or expressions: each value is {@code base}, or (while the
   * depth is under {@code maxDepth}) the recursive case that {@code recursiveCase} builds from
   * this generator itself. Shrinks towards {@code base}, and a node towards one of its own
   * sub-values of the same kind.
   *
   * <pre>{@code
   * Gen<Expr> expressions = Gen.recursive(
   *     Gen.ints(0, 9).map(Lit::new),
   *     self -> Gen.oneOf(Gen.zip(self, self, Add::new), Gen.zip(self, self, Div::new)),
   *     5);
   * }</pre>
   *
   * <p>A value is also cut off to {@code base} when generators nest so deeply that the stack
   * would be at risk, whatever {@code maxDepth} says.
   *
   * @param maxDepth how many recursive cases may nest, at least 0 (0: always {@code base})
   * @throws IllegalArgumentException if {@code maxDepth < 0}
   */
  public static <T> Gen<T> recursive(
      Gen<? extends T> base, Function<Gen<T>, ? extends Gen<? extends T>> recursiveCase, int maxDepth) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(recursiveCase, "recursiveCase");
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth < 0: " + maxDepth + "; pass 0 or more");
    }
    Object key = new Object();
    // Filled in below, before any value is generated.
    AtomicReference<Gen<? extends T>> step = new AtomicReference<>(base);
    Gen<T> self =
        of(
            in -> {
              int depth = in.depth(key);
              boolean room = depth < maxDepth && in.nestingLeft() > 0.25;
              int fresh = in.random().nextInt(2);
              if (in.draw(0, room ? 1 : 0, 0, room ? fresh : 0) == 0) {
                return base.generate(in);
              }
              in.depth(key, depth + 1);
              try {
                return step.get().generate(in);
              } finally {
                in.depth(key, depth);
              }
            },
            "recursive(" + base + ", .., " + maxDepth + ")");
    step.set(Objects.requireNonNull(recursiveCase.apply(self), "recursiveCase returned null"));
    return self;
  }

  /**
   * The values of {@code gen}, or {@code null} one time in five; shrinks towards {@code null}.
   */
  public static <T> Gen<@Nullable T> nullable(Gen<T> gen) {
    Objects.requireNonNull(gen, "gen");
    return new Gen<@Nullable T>(
        in -> in.draw(0, 1, 0, in.random().nextInt(5) == 0 ? 0 : 1) == 0 ? null : gen.generate(in),
        "nullable(" + gen + ")",
        true);
  }

  // ---------------------------------------------------------------- numbers

  /**
   * Integers in {@code [min, max]}, uniform, small and edge values mixed in (the bounds, 0, 1, -1
   * and the values next to the bounds, when in range); shrinks towards 0, or the bound nearest 0.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static Gen<Integer> ints(int min, int max) {
    Gen<Long> longs = longs(min, max);
    return of(in -> (int) (long) longs.generate(in), "ints(" + min + ", " + max + ")");
  }

  /** Every integer, edge values mixed in; shrinks towards 0. */
  public static Gen<Integer> ints() {
    return ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /**
   * Longs in {@code [min, max]}, uniform, small and edge values mixed in (the bounds, 0, 1, -1 and
   * the values next to the bounds, when in range); shrinks towards 0, or the bound nearest 0.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static Gen<Long> longs(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException(
          "min > max: " + min + " > " + max + "; pass the smaller bound first");
    }
    long target = min > 0 ? min : Math.min(max, 0);
    long[] edges = edges(min, max);
    return of(
        in -> {
          long value = in.draw(min, max, target, Numbers.suggest(in, min, max, target, edges));
          in.numberChosen(value);
          return value;
        },
        "longs(" + min + ", " + max + ")");
  }

  /** Every long, edge values mixed in; shrinks towards 0. */
  public static Gen<Long> longs() {
    return longs(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * Shorts in {@code [min, max]}, edge values mixed in; shrinks towards 0, or the bound nearest 0.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static Gen<Short> shorts(short min, short max) {
    Gen<Long> longs = longs(min, max);
    return of(in -> (short) (long) longs.generate(in), "shorts(" + min + ", " + max + ")");
  }

  /** Every short, edge values mixed in; shrinks towards 0. */
  public static Gen<Short> shorts() {
    return shorts(Short.MIN_VALUE, Short.MAX_VALUE);
  }

  /**
   * Bytes in {@code [min, max]}, edge values mixed in; shrinks towards 0, or the bound nearest 0.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static Gen<Byte> bytes(byte min, byte max) {
    Gen<Long> longs = longs(min, max);
    return of(in -> (byte) (long) longs.generate(in), "bytes(" + min + ", " + max + ")");
  }

  /** Every byte, edge values mixed in; shrinks towards 0. */
  public static Gen<Byte> bytes() {
    return bytes(Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  /**
   * Characters in {@code [min, max]}; shrinks towards {@code min}.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static Gen<Character> chars(char min, char max) {
    if (min > max) {
      throw new IllegalArgumentException(
          "min > max: " + (int) min + " > " + (int) max + "; pass the smaller character first");
    }
    Gen<Long> longs = longs(min, max);
    return of(
        in -> (char) (long) longs.generate(in),
        "chars(" + (int) min + ", " + (int) max + ")");
  }

  /**
   * Characters of {@code alphabet}, evenly; shrinks towards its first character.
   *
   * @throws IllegalArgumentException if the alphabet is empty
   */
  public static Gen<Character> chars(String alphabet) {
    if (alphabet.isEmpty()) {
      throw new IllegalArgumentException("empty alphabet; pass at least one character");
    }
    return of(in -> alphabet.charAt(in.index(alphabet.length())), "chars(\"" + alphabet + "\")");
  }

  /**
   * Finite doubles in {@code [min, max]}: a whole part and a fraction, each its own choice, with
   * the bounds, 0, 1 and -1 mixed in; shrinks towards 0 (or the bound nearest 0), whole numbers
   * first. Whole parts beyond ±2^62 are generated only as the bounds themselves.
   *
   * @throws IllegalArgumentException if a bound is not finite or {@code min > max}
   */
  public static Gen<Double> doubles(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException(
          "bad double range [" + min + ", " + max + "]; pass finite bounds, the smaller first");
    }
    double limit = 0x1p62;
    long lo = (long) Math.ceil(Math.max(min, -limit));
    long hi = (long) Math.floor(Math.min(max, limit));
    double target = min > 0 ? min : Math.min(max, 0);
    long fractionBits = 1L << 52;
    return of(
        in -> {
          if (in.bit(0.02)) { // an exact bound, which the whole part may not reach
            return in.bit(0.5) ? max : min;
          }
          if (lo > hi) { // no whole number in range: a fraction of the range from the bound nearest 0
            long f = in.draw(0, fractionBits, 0, in.random().nextLong(fractionBits + 1));
            double span = max - min;
            return target == min ? min + span * f / fractionBits : max - span * f / fractionBits;
          }
          long wholeTarget = Math.max(lo, Math.min(hi, (long) target));
          long whole =
              in.draw(lo, hi, wholeTarget, Numbers.suggest(in, lo, hi, wholeTarget, edges(lo, hi)));
          long f = in.draw(0, fractionBits - 1, 0, in.bit(0.5) ? 0 : in.random().nextLong(fractionBits));
          double fraction = (double) f / fractionBits;
          double value = whole >= 0 ? whole + fraction : whole - fraction;
          return Math.max(min, Math.min(max, value));
        },
        "doubles(" + min + ", " + max + ")");
  }

  /** Finite doubles between -2^62 and 2^62, edge values mixed in; shrinks towards 0. */
  public static Gen<Double> doubles() {
    return doubles(-0x1p62, 0x1p62);
  }

  private static long[] edges(long min, long max) {
    long[] candidates = {min, max, 0, 1, -1, min + 1, max - 1};
    return Arrays.stream(candidates).filter(v -> v >= min && v <= max).distinct().toArray();
  }

  /**
   * Durations in {@code [min, max]} at nanosecond resolution, edge values mixed in; shrinks towards
   * zero, or the bound nearest zero.
   *
   * @throws IllegalArgumentException if {@code min} is longer than {@code max}, or either does not
   *     fit in a long of nanoseconds (about 292 years)
   */
  public static Gen<Duration> durations(Duration min, Duration max) {
    long lo = nanos(min);
    long hi = nanos(max);
    if (lo > hi) {
      throw new IllegalArgumentException(
          "min > max: " + min + " > " + max + "; pass the shorter duration first");
    }
    return longs(lo, hi).map(Duration::ofNanos).describedAs("durations(" + min + ", " + max + ")");
  }

  private static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "duration out of range: "
              + duration
              + "; durations are generated in nanoseconds, within about 292 years",
          e);
    }
  }

  // ---------------------------------------------------------------- choices

  /** {@code true} or {@code false}, evenly; shrinks towards {@code false}. */
  public static Gen<Boolean> booleans() {
    return of(in -> in.bit(0.5), "booleans()");
  }

  /** Always {@code value}. */
  public static <T> Gen<T> constant(T value) {
    Objects.requireNonNull(value, "value");
    return of(in -> value, "constant(" + value + ")");
  }

  /**
   * One of {@code values}, evenly; shrinks towards the first.
   *
   * @throws IllegalArgumentException if {@code values} is empty
   */
  @SafeVarargs
  public static <T> Gen<T> elementOf(T... values) {
    List<T> list = new ArrayList<>(values.length);
    for (T value : values) {
      list.add(value);
    }
    return elementOf(list);
  }

  /**
   * One of {@code values} (copied), evenly; shrinks towards the first.
   *
   * @throws IllegalArgumentException if {@code values} is empty
   */
  public static <T> Gen<T> elementOf(Collection<? extends T> values) {
    List<T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no values to choose from; pass at least one value");
    }
    return of(in -> copy.get(in.index(copy.size())), "elementOf(" + copy + ")");
  }

  /**
   * One of the constants of {@code type}, evenly; shrinks towards the first declared.
   *
   * @throws IllegalArgumentException if the enum has no constants
   */
  public static <E extends Enum<E>> Gen<E> enumValues(Class<E> type) {
    E[] constants = type.getEnumConstants();
    if (constants == null || constants.length == 0) {
      throw new IllegalArgumentException(
          "enum " + type.getName() + " has no constants; generate values of another type");
    }
    return elementOf(constants).describedAs("enumValues(" + type.getSimpleName() + ")");
  }

  /**
   * A value from one of {@code gens}, each chosen evenly; shrinks towards the first generator.
   *
   * @throws IllegalArgumentException if no generator is given
   */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    if (gens.length == 0) {
      throw new IllegalArgumentException("no generators to choose from; pass at least one");
    }
    List<Gen<? extends T>> list = new ArrayList<>(gens.length);
    for (Gen<? extends T> gen : gens) {
      list.add(gen);
    }
    List<Gen<? extends T>> copy = List.copyOf(list);
    return of(
        in -> {
          Gen<? extends T> chosen = copy.get(in.index(copy.size()));
          int span = in.startSpan();
          T value = chosen.generate(in);
          in.endSpan(span);
          return value;
        },
        "oneOf" + copy);
  }

  /**
   * A generator with its relative weight, for {@link #frequency}.
   *
   * @param <T> the type of the generated values
   */
  public static final class Weighted<T> {
    final int weight;
    final Gen<? extends T> gen;

    private Weighted(int weight, Gen<? extends T> gen) {
      this.weight = weight;
      this.gen = gen;
    }

    @Override
    public String toString() {
      return weight + ":" + gen;
    }
  }

  /**
   * {@code gen} with the relative {@code weight} it has in {@link #frequency}.
   *
   * @throws IllegalArgumentException if {@code weight < 1}
   */
  public static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    if (weight < 1) {
      throw new IllegalArgumentException("weight < 1: " + weight + "; weights are positive");
    }
    return new Weighted<>(weight, Objects.requireNonNull(gen, "gen"));
  }

  /**
   * A value from one of the weighted generators, chosen in proportion to the weights; shrinks
   * towards the first.
   *
   * @throws IllegalArgumentException if none is given, or the weights add up to more than
   *     {@code Integer.MAX_VALUE}
   */
  @SafeVarargs
  public static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    if (choices.length == 0) {
      throw new IllegalArgumentException("no generators to choose from; pass at least one");
    }
    List<Weighted<? extends T>> list = new ArrayList<>(choices.length);
    for (Weighted<? extends T> choice : choices) {
      list.add(choice);
    }
    List<Weighted<? extends T>> copy = List.copyOf(list);
    long total = 0;
    for (Weighted<? extends T> w : copy) {
      total += w.weight;
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "weights add up to " + total + "; keep their sum under " + Integer.MAX_VALUE);
    }
    int sum = (int) total;
    return of(
        in -> {
          int ticket = in.random().nextInt(sum);
          int suggested = 0;
          while (ticket >= copy.get(suggested).weight) {
            ticket -= copy.get(suggested).weight;
            suggested++;
          }
          int index = (int) in.draw(0, copy.size() - 1L, 0, suggested);
          int span = in.startSpan();
          T value = copy.get(index).gen.generate(in);
          in.endSpan(span);
          return value;
        },
        "frequency" + copy);
  }

  // ---------------------------------------------------------------- collections and strings

  /**
   * Lists of {@code minSize} to {@code maxSize} elements from {@code elements}; shrinks towards
   * shorter lists of simpler elements. The list is unmodifiable.
   *
   * @throws IllegalArgumentException if {@code minSize < 0} or {@code minSize > maxSize}
   */
  public static <T> Gen<List<T>> lists(Gen<T> elements, int minSize, int maxSize) {
    checkSizes(minSize, maxSize);
    return of(
        in -> {
          int size = suggestSize(in, minSize, maxSize);
          List<T> list = new ArrayList<>();
          while (list.size() < maxSize) {
            int span = in.startSpan();
            if (list.size() >= minSize && !in.bit(list.size() < size ? 1.0 : 0.0)) {
              break;
            }
            list.add(elements.generate(in));
            in.endSpan(span);
          }
          return Collections.unmodifiableList(list);
        },
        "lists(" + elements + ", " + minSize + ", " + maxSize + ")");
  }

  /** Lists of up to 10 elements from {@code elements}; shrinks towards shorter, simpler lists. */
  public static <T> Gen<List<T>> lists(Gen<T> elements) {
    return lists(elements, 0, 10);
  }

  /**
   * Sets of {@code minSize} to {@code maxSize} distinct elements from {@code elements}, in the
   * order generated; shrinks towards smaller sets of simpler elements. The set is unmodifiable.
   * Duplicates are drawn again, up to {@value #FILTER_ATTEMPTS} times in a row.
   *
   * @throws IllegalArgumentException if {@code minSize < 0} or {@code minSize > maxSize}
   */
  public static <T> Gen<Set<T>> sets(Gen<T> elements, int minSize, int maxSize) {
    checkSizes(minSize, maxSize);
    String description = "sets(" + elements + ", " + minSize + ", " + maxSize + ")";
    return of(
        in -> {
          int size = suggestSize(in, minSize, maxSize);
          Set<T> set = new LinkedHashSet<>();
          int misses = 0;
          while (set.size() < maxSize) {
            int span = in.startSpan();
            if (set.size() >= minSize && !in.bit(set.size() < size ? 1.0 : 0.0)) {
              break;
            }
            if (set.add(elements.generate(in))) {
              misses = 0;
            } else if (++misses >= FILTER_ATTEMPTS) {
              if (set.size() >= minSize) {
                break;
              }
              throw tooManyMisses(in, description, "duplicate elements");
            }
            in.endSpan(span);
          }
          return Collections.unmodifiableSet(set);
        },
        description);
  }

  /**
   * Strings of {@code minLength} to {@code maxLength} characters from {@code alphabet}; shrinks
   * towards shorter strings of the alphabet's first character.
   *
   * @throws IllegalArgumentException if the alphabet is empty, {@code minLength < 0} or
   *     {@code minLength > maxLength}
   */
  public static Gen<String> strings(String alphabet, int minLength, int maxLength) {
    if (alphabet.isEmpty()) {
      throw new IllegalArgumentException("empty alphabet; pass at least one character");
    }
    return lists(chars(alphabet), minLength, maxLength)
        .map(
            list -> {
              StringBuilder text = new StringBuilder(list.size());
              for (char c : list) {
                text.append(c);
              }
              return text.toString();
            })
        .describedAs("strings(\"" + alphabet + "\", " + minLength + ", " + maxLength + ")");
  }

  /**
   * Strings of {@code minLength} to {@code maxLength} letters, digits, spaces and {@code _-.:/};
   * shrinks towards shorter strings of {@code a}.
   *
   * @throws IllegalArgumentException if {@code minLength < 0} or {@code minLength > maxLength}
   */
  public static Gen<String> strings(int minLength, int maxLength) {
    return strings(DEFAULT_ALPHABET, minLength, maxLength);
  }

  /** Strings of up to 8 letters, digits, spaces and {@code _-.:/}; shrinks towards "". */
  public static Gen<String> strings() {
    return strings(0, 8);
  }

  private static void checkSizes(int minSize, int maxSize) {
    if (minSize < 0 || minSize > maxSize) {
      throw new IllegalArgumentException(
          "bad size range ["
              + minSize
              + ", "
              + maxSize
              + "]; sizes need 0 <= minSize <= maxSize");
    }
  }

  /** A size to aim for on a fresh stream: often small, sometimes up to the maximum. */
  private static int suggestSize(Choices in, int minSize, int maxSize) {
    int upper = in.random().nextInt(4) == 0 ? maxSize : Math.min(maxSize, minSize + 10);
    return minSize + in.random().nextInt(upper - minSize + 1);
  }

  // ---------------------------------------------------------------- combinators

  /** The values of this generator passed through {@code mapper}; shrinks as this generator does. */
  public <R extends @Nullable Object> Gen<R> map(Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return new Gen<R>(in -> mapper.apply(generate(in)), description + ".map(..)", nullable);
  }

  /**
   * A value from the generator that {@code mapper} makes from a value of this one; shrinks both the
   * first value and the second.
   */
  public <R> Gen<R> flatMap(Function<? super T, Gen<? extends R>> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return of(
        in -> {
          Gen<? extends R> next = mapper.apply(generate(in));
          int span = in.startSpan();
          R value = next.generate(in);
          in.endSpan(span);
          return value;
        },
        description + ".flatMap(..)");
  }

  /**
   * The values of this generator that {@code condition} accepts; named {@code name} in error
   * messages. Values are drawn again, up to {@value #FILTER_ATTEMPTS} times in a row, then the
   * property fails with an error that names the filter: prefer generating valid values directly.
   */
  public Gen<T> filter(String name, Predicate<? super T> condition) {
    Objects.requireNonNull(condition, "condition");
    String filterDescription = "filter \"" + name + "\" on " + description;
    return of(
        in -> {
          for (int attempt = 0; attempt < FILTER_ATTEMPTS; attempt++) {
            int span = in.startSpan();
            T value = generate(in);
            in.endSpan(span);
            if (condition.test(value)) {
              return value;
            }
          }
          throw tooManyMisses(in, filterDescription, "values");
        },
        description + ".filter(" + name + ")");
  }

  /**
   * The values of this generator that {@code condition} accepts, named by the predicate's {@code
   * toString()}; see {@link #filter(String, Predicate)}.
   */
  public Gen<T> filter(Predicate<? super T> condition) {
    return filter(condition.toString(), condition);
  }

  /** Pairs of values from {@code first} and {@code second} combined by {@code combiner}. */
  public static <A extends @Nullable Object, B extends @Nullable Object, R> Gen<R> zip(
      Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combiner) {
    Objects.requireNonNull(combiner, "combiner");
    return of(
        in -> {
          int span = in.startSpan();
          A a = first.generate(in);
          in.endSpan(span);
          span = in.startSpan();
          B b = second.generate(in);
          in.endSpan(span);
          return combiner.apply(a, b);
        },
        "zip(" + first + ", " + second + ")");
  }

  /** This generator, shown as {@code description} in messages. */
  public Gen<T> describedAs(String description) {
    return new Gen<>(draw, Objects.requireNonNull(description, "description"), nullable);
  }

  private static RuntimeException tooManyMisses(Choices in, String what, String rejected) {
    if (!in.isFresh()) {
      return new Choices.Invalid(what + " rejected too many values");
    }
    return new IllegalStateException(
        what
            + " rejected "
            + FILTER_ATTEMPTS
            + " "
            + rejected
            + " in a row; generate valid values directly (map, or narrower bounds) instead of"
            + " filtering");
  }

  /**
   * {@code count} values generated from {@code seed}, to look at what a generator makes; the same
   * seed gives the same values.
   *
   * @throws IllegalArgumentException if {@code count < 0}
   */
  public List<T> samples(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<T> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(generate(Choices.fresh(random.split(), Shrinker.CHOICE_LIMIT)));
    }
    return Collections.unmodifiableList(values);
  }

  /** What this generator generates, as given to its factory. */
  @Override
  public String toString() {
    return description;
  }
}
