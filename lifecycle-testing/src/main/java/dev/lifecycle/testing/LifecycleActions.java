package dev.lifecycle.testing;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.lifecycle.core.Attribution;
import dev.lifecycle.core.Owning;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.internal.UserCode;
import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Stateful;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Ready-made stateful actions for any tracked resource type: point them at a factory and a use,
 * and run random sequences of open, use, transfer between scopes, close, close twice, fail, drop
 * without close and interrupt, against a model.
 *
 * <pre>{@code
 * LifecycleActions.of(raw -> new Connection(raw), Connection::ping)
 *     .stateful()
 *     .tries(200)
 *     .check();
 * }</pre>
 *
 * <p>The factory gets a raw resource that counts its closes and must hand it to the wrapper it
 * returns, which releases it on close, as a {@link dev.lifecycle.core.ResourceKind#track tracked}
 * wrapper does. After every step the model checks: each closed resource released its raw resource
 * exactly once, each open one not at all; each owned one is owned by the scope the model says; a
 * use after close throws {@link IllegalStateException}. At the end of each try the two scopes are
 * closed, the harness closes what is still open (nothing is left open), and every dropped resource
 * must be found by its tracker as garbage-collected without close and reclaimed (within the drop
 * deadline, running the GC): the tracker must be at a level other than {@code OFF} with {@code
 * CLOSE_AND_REPORT}.
 *
 * <p>Immutable and thread-safe; the property runs sequentially.
 *
 * @param <R> the resource type
 */
@CheckReturnValue
public final class LifecycleActions<R extends AutoCloseable> {
  /** Opens a resource that owns {@code raw}. */
  @FunctionalInterface
  public interface Opener<R> {
    /** A new resource owning {@code raw}: closing the resource closes {@code raw}, once. */
    R open(@Owning AutoCloseable raw) throws Exception;
  }

  /** One use of an open resource; it fails by throwing. */
  @FunctionalInterface
  public interface Use<R> {
    /** Uses {@code resource}. */
    void use(R resource) throws Exception;
  }

  private static final int MAX_RESOURCES = 6;

  private final Opener<R> opener;
  private final Use<R> use;
  private final @Nullable Use<R> failing;
  private final Duration dropDeadline;

  private LifecycleActions(Opener<R> opener, Use<R> use, @Nullable Use<R> failing, Duration dropDeadline) {
    this.opener = opener;
    this.use = use;
    this.failing = failing;
    this.dropDeadline = dropDeadline;
  }

  /** Actions for resources made by {@code opener} and used by {@code use}. */
  public static <R extends AutoCloseable> LifecycleActions<R> of(Opener<R> opener, Use<R> use) {
    return new LifecycleActions<>(
        Objects.requireNonNull(opener, "opener must not be null"),
        Objects.requireNonNull(use, "use must not be null"),
        null,
        Duration.ofSeconds(10));
  }

  /**
   * These actions plus "fail": {@code operation} must throw, and leave the resource open and usable.
   */
  public LifecycleActions<R> failing(Use<R> operation) {
    return new LifecycleActions<>(opener, use, Objects.requireNonNull(operation, "operation must not be null"), dropDeadline);
  }

  /** How long the end of a try waits for dropped resources to be reported; 10 s by default. */
  public LifecycleActions<R> dropDeadline(Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("drop deadline must be positive: " + deadline);
    }
    return new LifecycleActions<>(opener, use, failing, deadline);
  }

  /** The stateful property: add actions or invariants of your own, set tries, then {@code check()}. */
  public Stateful<Model, Resources<R>> stateful() {
    Stateful<Model, Resources<R>> property =
        Stateful.<Model, Resources<R>>of(Model::new, () -> new Resources<>(dropDeadline))
            .action("open", m -> m.size() < MAX_RESOURCES, (m, s) -> s.open(m, opener, -1))
            .action("open in scope", m -> m.size() < MAX_RESOURCES, m -> Gen.ints(0, 1), (m, s, k) -> s.open(m, opener, k))
            .action("use", Model::anyOpen, m -> m.pick(State.OPEN, o -> true), (m, s, i) -> use.use(s.get(i)))
            .action("use after close", Model::anyClosed, m -> m.pick(State.CLOSED, o -> true), (m, s, i) -> s.useAfterClose(i, use))
            .action("transfer", m -> m.any(State.OPEN, o -> o >= 0), m -> m.pick(State.OPEN, o -> o >= 0), (m, s, i) -> s.transfer(m, i))
            .action("close", Model::anyOpen, m -> m.pick(State.OPEN, o -> true), (m, s, i) -> s.close(m, i, 1))
            .action("close twice", Model::anyOpen, m -> m.pick(State.OPEN, o -> true), (m, s, i) -> s.close(m, i, 2))
            .action("drop", m -> m.any(State.OPEN, o -> o < 0), m -> m.pick(State.OPEN, o -> o < 0), (m, s, i) -> s.drop(m, i))
            .action("interrupt", Model::anyOpen, m -> m.pick(State.OPEN, o -> true), (m, s, i) -> s.interrupted(m, i, use))
            .invariant("closed exactly once", (m, s) -> s.checkCloses(m))
            .invariant("owned by the scope the model says", (m, s) -> s.checkOwners(m));
    Use<R> fail = failing;
    if (fail != null) {
      property = property.action("fail", Model::anyOpen, m -> m.pick(State.OPEN, o -> true), (m, s, i) -> s.fail(i, fail, use));
    }
    return property;
  }

  /** What the model knows of a resource. */
  enum State {
    OPEN,
    CLOSED,
    DROPPED
  }

  /** The model: each resource's state and owner (-1: none; 0 or 1: a scope). Not thread-safe. */
  public static final class Model {
    final List<State> states = new ArrayList<>();
    final List<Integer> owners = new ArrayList<>();

    Model() {}

    /** How many resources were opened. */
    public int size() {
      return states.size();
    }

    /** How many resources are open. */
    public long openCount() {
      return states.stream().filter(s -> s == State.OPEN).count();
    }

    boolean anyOpen() {
      return states.contains(State.OPEN);
    }

    boolean anyClosed() {
      return states.contains(State.CLOSED);
    }

    boolean any(State state, Predicate<Integer> owner) {
      for (int i = 0; i < states.size(); i++) {
        if (states.get(i) == state && owner.test(owners.get(i))) {
          return true;
        }
      }
      return false;
    }

    Gen<Integer> pick(State state, Predicate<Integer> owner) {
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < states.size(); i++) {
        if (states.get(i) == state && owner.test(owners.get(i))) {
          indexes.add(i);
        }
      }
      return Gen.elementOf(indexes);
    }

    @Override
    public String toString() {
      return "Model" + states + " owners " + owners;
    }
  }

  /** A raw resource that counts its closes; it references nothing. */
  static final class CountingRaw implements AutoCloseable {
    private final AtomicInteger closes;

    CountingRaw(AtomicInteger closes) {
      this.closes = closes;
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  /**
   * The system under test: the resources, their raw resources and two scopes. Closing it ends the
   * try: see {@link LifecycleActions}.
   *
   * @param <R> the resource type
   */
  public static final class Resources<R extends AutoCloseable> implements AutoCloseable {
    private final Duration dropDeadline;
    private final List<@Nullable R> items = new ArrayList<>();
    private final List<AtomicInteger> raws = new ArrayList<>();
    @Owning private final Scope a; // closed by close()
    @Owning private final Scope b; // closed by close()
    private final Scope[] scopes;
    private final Attribution attribution = Attribution.begin("lifecycle actions");

    Resources(Duration dropDeadline) {
      this.dropDeadline = dropDeadline;
      this.a = Scope.open("a");
      this.b = Scope.open("b");
      this.scopes = new Scope[] {a, b};
    }

    R get(int i) {
      R item = items.get(i);
      if (item == null) {
        throw new IllegalStateException("resource " + i + " was dropped");
      }
      return item;
    }

    // The resource goes into items, which close() closes; an exception here fails the try.
    @SuppressWarnings("UnclosedResource")
    void open(Model model, Opener<R> opener, int scope) throws Exception {
      AtomicInteger closes = new AtomicInteger();
      R resource = opener.open(new CountingRaw(closes));
      items.add(resource);
      raws.add(closes);
      model.states.add(State.OPEN);
      model.owners.add(scope);
      if (scope >= 0) {
        scopes[scope].own(resource);
      }
    }

    void useAfterClose(int i, Use<R> use) {
      R resource = get(i);
      Throwable thrown = UserCode.run(() -> use.use(resource));
      if (!(thrown instanceof IllegalStateException)) {
        throw new AssertionError(
            "using resource " + i + " after close must throw IllegalStateException, but it "
                + (thrown == null ? "succeeded" : "threw " + thrown), thrown);
      }
    }

    void transfer(Model model, int i) {
      int from = model.owners.get(i);
      scopes[from].transfer(get(i), scopes[1 - from]);
      model.owners.set(i, 1 - from);
    }

    void close(Model model, int i, int times) throws Exception {
      R resource = get(i);
      for (int t = 0; t < times; t++) {
        resource.close();
      }
      model.states.set(i, State.CLOSED);
    }

    void drop(Model model, int i) {
      items.set(i, null);
      model.states.set(i, State.DROPPED);
    }

    void interrupted(Model model, int i, Use<R> use) throws Exception {
      R resource = get(i);
      Thread.currentThread().interrupt();
      try {
        UserCode.run(() -> use.use(resource)); // may fail: interrupted
      } finally {
        Thread.interrupted();
      }
      if (raws.get(i).get() > 0) {
        model.states.set(i, State.CLOSED); // an interruptible resource closed itself
      } else {
        use.use(resource); // still open: still usable once the interrupt is cleared
      }
    }

    void fail(int i, Use<R> failing, Use<R> use) throws Exception {
      R resource = get(i);
      Throwable thrown = UserCode.run(() -> failing.use(resource));
      if (thrown == null) {
        throw new AssertionError("the failing operation on resource " + i + " did not throw");
      }
      use.use(resource);
    }

    void checkCloses(Model model) {
      for (int i = 0; i < model.size(); i++) {
        int closes = raws.get(i).get();
        State state = model.states.get(i);
        boolean ok = state == State.OPEN ? closes == 0 : state == State.CLOSED ? closes == 1 : closes <= 1;
        if (!ok) {
          throw new AssertionError("resource " + i + " is " + state + " but released its raw resource " + closes + " time(s)");
        }
      }
    }

    void checkOwners(Model model) {
      for (int i = 0; i < model.size(); i++) {
        int owner = model.owners.get(i);
        if (model.states.get(i) != State.OPEN || owner < 0) {
          continue;
        }
        R resource = get(i);
        if (!scopes[owner].owns(resource) || scopes[1 - owner].owns(resource)) {
          throw new AssertionError("resource " + i + " should be owned by scope " + scopes[owner].name() + " alone");
        }
      }
    }

    /**
     * Ends the try: closes the scopes and what is still open, then waits for the dropped resources
     * to be reported and reclaimed.
     *
     * @throws AssertionError if a resource was not released exactly once, or a dropped one was not
     *     reported
     */
    @Override
    public void close() {
      try {
        b.close();
        a.close();
        int dropped = 0;
        for (int i = 0; i < items.size(); i++) {
          R item = items.get(i);
          if (item != null) {
            Throwable failed = UserCode.close(item);
            if (failed != null) {
              throw new AssertionError("closing resource " + i + " at the end of the try threw " + failed, failed);
            }
            if (raws.get(i).get() != 1) {
              throw new AssertionError("resource " + i + " released its raw resource " + raws.get(i).get()
                  + " time(s) after the end of the try; expected exactly once");
            }
          } else {
            dropped++;
          }
        }
        items.clear();
        if (dropped > 0) {
          awaitReclaimed(dropped);
        }
      } finally {
        attribution.close();
      }
    }

    private void awaitReclaimed(int dropped) {
      long deadline = System.nanoTime() + dropDeadline.toNanos();
      while (true) {
        long reclaimed = raws.stream().filter(r -> r.get() > 0).count();
        int reported = attribution.leaked().size();
        if (reclaimed == raws.size() && reported >= dropped) {
          return;
        }
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError(dropped + " dropped resource(s): " + reported + " reported as leaked and "
              + (raws.size() - reclaimed) + " raw resource(s) still not released within " + dropDeadline
              + "; is the tracker at level OFF or REPORT_ONLY, or is a dropped resource still reachable?");
        }
        System.gc();
        LockSupport.parkNanos(20_000_000L); // between polls of the condition
      }
    }
  }
}
