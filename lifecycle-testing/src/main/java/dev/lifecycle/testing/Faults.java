package dev.lifecycle.testing;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.lifecycle.proptest.Gen;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A plan of faults to inject into a resource: fail on its Nth call, fail on close, be slow on
 * close, or make its factory throw. Generate plans with {@link #generated()} inside a property, so
 * the engine's seed decides the faults, a failing case reproduces from its seed, and shrinking
 * simplifies the plan towards "no fault":
 *
 * <pre>{@code
 * @PropertyTest
 * void importer_closesItsStreamOnEveryFault(@ForAll("faults") Faults faults) throws Exception {
 *   InputStream in = faults.inputStream(new ByteArrayInputStream(data));
 *   assertThatCode(() -> importer.load(in)).doesNotThrowAnyExceptionExcept(IOException.class);
 *   assertThat(faults.closed(in)).isTrue();
 * }
 *
 * Gen<Faults> faults() {
 *   return Faults.generated();
 * }
 * }</pre>
 *
 * <p>Each wrapper counts its own calls. An injected close failure is thrown after the wrapped
 * resource was closed, so nothing leaks because of the fault itself. Wrappers are hand-written
 * delegates (no reflection). Immutable and thread-safe; the wrappers are as thread-safe as what
 * they wrap.
 */
@CheckReturnValue
public final class Faults {
  private static final Faults NONE = new Faults(0, false, Duration.ZERO, false);

  final int failOnCall;
  final boolean failOnClose;
  final Duration slowClose;
  final boolean factoryThrows;

  private Faults(int failOnCall, boolean failOnClose, Duration slowClose, boolean factoryThrows) {
    this.failOnCall = failOnCall;
    this.failOnClose = failOnClose;
    this.slowClose = slowClose;
    this.factoryThrows = factoryThrows;
  }

  /** No fault: every call goes through. */
  public static Faults none() {
    return NONE;
  }

  /**
   * Plans drawn from the engine's choices: fail on one of the first 8 calls (or never), fail on
   * close or not, up to 20 ms of slow close, a throwing factory or not. Shrinks towards {@link
   * #none()}.
   */
  public static Gen<Faults> generated() {
    return Gen.ints(0, 8)
        .flatMap(call -> Gen.booleans()
            .flatMap(close -> Gen.ints(0, 20)
                .flatMap(slow -> Gen.booleans()
                    .map(factory -> new Faults(call, close, Duration.ofMillis(slow), factory)))));
  }

  /**
   * This plan, with the {@code n}th call (1-based) of each wrapper's methods failing; 0 for never.
   *
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public Faults failOnCall(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("call number must not be negative: " + n + "; use 0 for never");
    }
    return new Faults(n, failOnClose, slowClose, factoryThrows);
  }

  /** This plan, with {@code close()} failing (after closing what it wraps). */
  public Faults failOnClose() {
    return new Faults(failOnCall, true, slowClose, factoryThrows);
  }

  /**
   * This plan, with {@code close()} taking {@code delay} before it closes what it wraps.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public Faults slowClose(Duration delay) {
    Objects.requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("close delay must not be negative: " + delay);
    }
    return new Faults(failOnCall, failOnClose, delay, factoryThrows);
  }

  /** This plan, with {@link #factory(Supplier)} throwing instead of creating. */
  public Faults factoryThrows() {
    return new Faults(failOnCall, failOnClose, slowClose, true);
  }

  /** {@code resource} behind this plan: {@link FaultyResource#get()} counts as a call. */
  public <T extends AutoCloseable> FaultyResource<T> resource(T resource) {
    return new FaultyResource<>(new FaultCounter(this, "resource " + Texts.describe(resource)), resource);
  }

  /** A factory that throws {@link InjectedFault} when this plan says so, else calls {@code factory}. */
  public <T> Supplier<T> factory(Supplier<? extends T> factory) {
    Objects.requireNonNull(factory, "factory must not be null");
    return () -> {
      if (factoryThrows) {
        throw new InjectedFault("injected fault: the factory throws (" + this + ")");
      }
      return factory.get();
    };
  }

  /** {@code in} behind this plan: each read, skip, available, mark and reset counts as a call. */
  public InputStream inputStream(InputStream in) {
    return new FaultyInputStream(new FaultCounter(this, "input stream"), in);
  }

  /** {@code out} behind this plan: each write and flush counts as a call. */
  public OutputStream outputStream(OutputStream out) {
    return new FaultyOutputStream(new FaultCounter(this, "output stream"), out);
  }

  /**
   * {@code dataSource} behind this plan: each {@code getConnection} counts as a call (and throws a
   * {@link SQLException} when the factory fault is planned); the connections it returns are
   * behind this plan too.
   */
  public DataSource dataSource(DataSource dataSource) {
    return new FaultyDataSource(this, dataSource);
  }

  /** {@code connection} behind this plan: each method but {@code close} and {@code isClosed} counts. */
  public Connection connection(Connection connection) {
    return new FaultyConnection(new FaultCounter(this, "connection"), connection);
  }

  @Override
  public String toString() {
    if (this.equals(NONE) || (failOnCall == 0 && !failOnClose && slowClose.isZero() && !factoryThrows)) {
      return "Faults[none]";
    }
    StringBuilder text = new StringBuilder("Faults[");
    if (failOnCall > 0) {
      text.append("fail on call ").append(failOnCall).append(", ");
    }
    if (failOnClose) {
      text.append("fail on close, ");
    }
    if (!slowClose.isZero()) {
      text.append("slow close ").append(Describe.duration(slowClose)).append(", ");
    }
    if (factoryThrows) {
      text.append("factory throws, ");
    }
    return text.substring(0, text.length() - 2) + "]";
  }
}
