package dev.lifecycle.proptest;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A stateful property: random sequences of actions run against a real system and a model of it,
 * with invariants checked after every step.
 *
 * <pre>{@code
 * Stateful.<Deque<Integer>, BoundedStack>of(ArrayDeque::new, BoundedStack::new)
 *     .action("push", Gen.ints(0, 9), (model, stack, x) -> {
 *       stack.push(x);
 *       model.push(x);
 *     })
 *     .action("pop", model -> !model.isEmpty(), (model, stack) ->
 *       assertThat(stack.pop()).isEqualTo(model.pop()))
 *     .invariant("same size", (model, stack) -> assertThat(stack.size()).isEqualTo(model.size()))
 *     .check();
 * }</pre>
 *
 * <p>Each try creates a fresh model and a fresh system, checks the invariants on them, then runs up
 * to {@link #maxSteps} steps (default 30). A step picks one of the actions whose precondition holds
 * on the model, generates its parameter (possibly from the model, e.g. one of the handles the model
 * knows), and runs it: the action calls the system, asserts what it returned against the model, and
 * updates the model. A step fails when the action or an invariant throws. A system that is
 * {@link AutoCloseable} is closed at the end of each try; if closing throws, the try fails.
 *
 * <p>On failure the sequence is shrunk: whole steps are removed, then the choice of each action and
 * its parameter is simplified. Steps are generated again from the model on every replay, so each
 * precondition still holds in the shrunk sequence. {@code check} then throws a {@link
 * PropertyFailure} listing the minimal failing sequence as numbered steps, the original one, and
 * the seed to re-run exactly that case.
 *
 * <p>Java infers the model type from the supplier: {@code Stateful.of(ArrayList::new, ..)} has an
 * {@code ArrayList} model. To declare an interface type, name both types: {@code
 * Stateful.<List<Integer>, MyStack>of(ArrayList::new, MyStack::new)}.
 *
 * <p>Instances are immutable and thread-safe: every configuring method returns a new property. The
 * model and system are used by one thread at a time.
 *
 * @param <M> the type of the model
 * @param <S> the type of the system under test
 */
@CheckReturnValue
public final class Stateful<M, S> {
  /** An action without a parameter: calls the system, checks it against the model, updates it. */
  @FunctionalInterface
  public interface Step<M, S> {
    /** Runs the action on {@code system} and {@code model}, throwing if the system misbehaves. */
    void run(M model, S system) throws Exception;
  }

  /** An action with a generated parameter. */
  @FunctionalInterface
  public interface ParamStep<M, S, P> {
    /** Runs the action with {@code param}, throwing if the system misbehaves. */
    void run(M model, S system, P param) throws Exception;
  }

  /** A condition that holds after every step; it fails by throwing. */
  @FunctionalInterface
  public interface Invariant<M, S> {
    /** Checks the condition on the model and the system. */
    void check(M model, S system) throws Exception;
  }

  /** A condition on the system alone; it fails by throwing. */
  @FunctionalInterface
  public interface SystemInvariant<S> {
    /** Checks the condition on the system. */
    void check(S system) throws Exception;
  }

  /** One declared action. */
  record Action<M, S>(
      int index,
      String name,
      Predicate<? super M> precondition,
      @Nullable Function<? super M, ? extends Gen<?>> params,
      ParamStep<M, S, Object> step) {}

  /** One declared invariant; a system-only one is also checked after the parallel part. */
  record Check<M, S>(String name, Invariant<M, S> check, boolean systemOnly) {}

  /** Default most steps per branch in concurrent mode. */
  public static final int DEFAULT_BRANCH_STEPS = 5;

  /** Default time the parallel part may take in concurrent mode. */
  private static final Duration DEFAULT_BRANCH_DEADLINE = Duration.ofSeconds(10);

  /** How many times concurrent mode runs each generated case. */
  public static final int CONCURRENT_REPEATS = 10;

  /**
   * How many times concurrent mode runs the first case of a run from a given seed ({@code seed(..)}
   * or {@code -Dlifecycle.pbt.seed}): the case a reported failure named, run until it fails again.
   */
  public static final int REPRODUCING_REPEATS = 200;

  private final Supplier<? extends M> model;
  private final Supplier<? extends S> system;
  private final List<Action<M, S>> actions;
  private final List<Check<M, S>> invariants;
  private final Settings settings;
  private final int branchSteps;
  private final Duration branchDeadline;
  private final @Nullable String name;

  private Stateful(
      Supplier<? extends M> model,
      Supplier<? extends S> system,
      List<Action<M, S>> actions,
      List<Check<M, S>> invariants,
      Settings settings,
      int branchSteps,
      Duration branchDeadline,
      @Nullable String name) {
    this.name = name;
    this.model = model;
    this.system = system;
    this.actions = actions;
    this.invariants = invariants;
    this.settings = settings;
    this.branchSteps = branchSteps;
    this.branchDeadline = branchDeadline;
  }

  /**
   * A stateful property without actions yet; {@code model} and {@code system} are called once per
   * try (and once per shrink run) for a fresh pair.
   */
  public static <M, S> Stateful<M, S> of(
      Supplier<? extends M> model, Supplier<? extends S> system) {
    return new Stateful<>(
        Objects.requireNonNull(model, "model"),
        Objects.requireNonNull(system, "system"),
        List.of(),
        List.of(),
        Settings.defaults(),
        DEFAULT_BRANCH_STEPS,
        DEFAULT_BRANCH_DEADLINE,
        null);
  }

  /**
   * This property with an action that is always enabled and has no parameter.
   *
   * @throws IllegalArgumentException if an action of that name was already declared
   */
  public Stateful<M, S> action(String name, Step<M, S> step) {
    return action(name, m -> true, step);
  }

  /**
   * This property with an action that is enabled when {@code precondition} holds on the model.
   *
   * @throws IllegalArgumentException if an action of that name was already declared
   */
  public Stateful<M, S> action(String name, Predicate<? super M> precondition, Step<M, S> step) {
    Objects.requireNonNull(step, "step");
    ParamStep<M, S, Object> withoutParam = (m, s, p) -> step.run(m, s);
    return with(new Action<>(actions.size(), name, precondition, null, withoutParam));
  }

  /**
   * This property with an always enabled action whose parameter comes from {@code params}.
   *
   * @throws IllegalArgumentException if an action of that name was already declared
   */
  public <P> Stateful<M, S> action(String name, Gen<P> params, ParamStep<M, S, P> step) {
    Objects.requireNonNull(params, "params");
    return action(name, m -> true, m -> params, step);
  }

  /**
   * This property with an action that is enabled when {@code precondition} holds on the model, and
   * whose parameter comes from a generator made from the model (for example {@code m ->
   * Gen.elementOf(m.openHandles())}); {@code params} is only called when the precondition holds.
   *
   * @throws IllegalArgumentException if an action of that name was already declared
   */
  @SuppressWarnings("unchecked") // the step receives what the generator at its side generated
  public <P> Stateful<M, S> action(
      String name,
      Predicate<? super M> precondition,
      Function<? super M, Gen<P>> params,
      ParamStep<M, S, P> step) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(step, "step");
    ParamStep<M, S, Object> erased = (m, s, p) -> step.run(m, s, (P) p);
    return with(new Action<>(actions.size(), name, precondition, params, erased));
  }

  private Stateful<M, S> with(Action<M, S> action) {
    Objects.requireNonNull(action.name(), "name");
    Objects.requireNonNull(action.precondition(), "precondition");
    for (Action<M, S> declared : actions) {
      if (declared.name().equals(action.name())) {
        throw new IllegalArgumentException(
            "action \"" + action.name() + "\" is declared twice; give each action its own name");
      }
    }
    List<Action<M, S>> more = new ArrayList<>(actions);
    more.add(action);
    return new Stateful<>(
        model, system, List.copyOf(more), invariants, settings, branchSteps, branchDeadline, name);
  }

  /**
   * This property with an invariant of the model and the system, checked on the initial state and
   * after every sequential step.
   */
  public Stateful<M, S> invariant(String name, Invariant<M, S> check) {
    Objects.requireNonNull(check, "check");
    return with(new Check<>(Objects.requireNonNull(name, "name"), check, false));
  }

  /**
   * This property with an invariant of the system alone (its own accounting adds up, nothing is
   * over capacity), checked on the initial state, after every sequential step and, in {@link
   * #checkConcurrently concurrent mode}, after the parallel part.
   */
  public Stateful<M, S> systemInvariant(String name, SystemInvariant<S> check) {
    Objects.requireNonNull(check, "check");
    return with(new Check<>(Objects.requireNonNull(name, "name"), (m, s) -> check.check(s), true));
  }

  private Stateful<M, S> with(Check<M, S> invariant) {
    List<Check<M, S>> more = new ArrayList<>(invariants);
    more.add(invariant);
    return new Stateful<>(
        model, system, actions, List.copyOf(more), settings, branchSteps, branchDeadline, name);
  }

  private Stateful<M, S> with(Settings settings) {
    return new Stateful<>(
        model, system, actions, invariants, settings, branchSteps, branchDeadline, name);
  }

  /**
   * This property named {@code name} in its failure and its log lines; by default it is named
   * after the method that calls {@code check}.
   */
  public Stateful<M, S> named(String name) {
    return new Stateful<>(
        model,
        system,
        actions,
        invariants,
        settings,
        branchSteps,
        branchDeadline,
        Objects.requireNonNull(name, "name"));
  }

  /**
   * This property with sequences of up to {@code maxSteps} steps (default 30).
   *
   * @throws IllegalArgumentException if {@code maxSteps < 1}
   */
  public Stateful<M, S> maxSteps(int maxSteps) {
    return with(settings.withMaxSteps(maxSteps));
  }

  /**
   * This property with {@code tries} sequences; overrides the default and {@code
   * lifecycle.pbt.tries}.
   *
   * @throws IllegalArgumentException if {@code tries < 1}
   */
  public Stateful<M, S> tries(int tries) {
    return with(settings.withTries(tries));
  }

  /**
   * This property run from {@code seed}, so that every run generates the same sequences. The system
   * property {@code lifecycle.pbt.seed}, when set, wins over it.
   */
  public Stateful<M, S> seed(long seed) {
    return with(settings.withSeed(seed));
  }

  /**
   * This property with a time budget: no new try starts after {@code maxDuration}, and shrinking
   * gets the same budget again. Overrides {@code lifecycle.pbt.maxDuration}.
   *
   * @throws IllegalArgumentException if {@code maxDuration} is not positive
   */
  public Stateful<M, S> maxDuration(Duration maxDuration) {
    return with(settings.withMaxDuration(maxDuration));
  }

  /**
   * Runs the property: random sequences, shrinking on failure.
   *
   * @return how often each action ran and how long the sequences were
   * @throws PropertyFailure if a sequence fails, with the minimal failing sequence
   * @throws IllegalStateException if no action was declared
   */
  @CanIgnoreReturnValue
  public Statistics check() {
    return run(null, "stateful property");
  }

  /**
   * This property with parallel branches of up to {@code branchSteps} steps each in {@link
   * #checkConcurrently} (default {@value #DEFAULT_BRANCH_STEPS}).
   *
   * @throws IllegalArgumentException if {@code branchSteps < 1}
   */
  public Stateful<M, S> branchSteps(int branchSteps) {
    if (branchSteps < 1) {
      throw new IllegalArgumentException(
          "branchSteps < 1: " + branchSteps + "; a branch needs room for a step");
    }
    return new Stateful<>(
        model, system, actions, invariants, settings, branchSteps, branchDeadline, name);
  }

  /**
   * This property with a deadline for the parallel part of {@link #checkConcurrently} (default 10
   * s): a branch still running after it fails the try as possibly deadlocked, with its stack, and
   * every branch thread is interrupted.
   *
   * @throws IllegalArgumentException if {@code deadline} is not positive
   */
  public Stateful<M, S> branchDeadline(Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException(
          "branch deadline not positive: " + deadline + "; give the branches some time");
    }
    return new Stateful<>(model, system, actions, invariants, settings, branchSteps, deadline, name);
  }

  /**
   * Runs the property in concurrent mode, for a thread-safe system. Each try runs a sequential
   * prefix exactly like {@link #check()}, then {@code threads} branches of up to {@link
   * #branchSteps} steps at the same time, each on its own thread, started together; when all have
   * finished, the {@link #systemInvariant system invariants} are checked. Each try is run {@value
   * #CONCURRENT_REPEATS} times, because thread schedules differ from run to run; a failure is
   * shrunk like a sequential one (each candidate again run {@value #CONCURRENT_REPEATS} times).
   * The report says in how many of 20 replays the minimal case failed again. A run from a given
   * seed (the reported one) runs its first case up to {@value #REPRODUCING_REPEATS} times, until it
   * fails: the seed fixes the steps, the repeats give the schedule its chances.
   *
   * <p>The branches are generated before they run, from the model as the prefix left it: each step
   * of a branch was enabled at the end of the prefix. Each branch runs its steps with its own copy
   * of that model, made by {@code forkModel}, and skips a step whose precondition does not hold on
   * its copy (the report marks it). The copies are private to their thread, the system is shared.
   * Mind what a copy owns: a handle or permit the prefix holds is in every plain copy, so every
   * branch may release it. Let {@code forkModel} hand what the prefix owns to one branch at most
   * (often: return a model that owns nothing), unless sharing it is what you want to test.
   *
   * <p>What it catches: a step that throws under contention (including assertions in the step that
   * hold whatever the other threads do); a system invariant broken after concurrent use (lost
   * updates, counts that drift, capacity exceeded, permits not released); a branch that does not
   * finish within the {@link #branchDeadline} (reported with its stack as a possible deadlock; the
   * branch threads are interrupted, and a thread that ignores that is a daemon left behind).
   *
   * <p>What it cannot catch: it is not a linearizability checker. Results returned during the
   * parallel part are not compared with any sequential order of the steps, and the (model, system)
   * invariants are not checked after it, because no single model describes the outcome. Races
   * that need a schedule the JVM never produces in these few runs go unseen, and a failure may
   * not reproduce from its seed every time: the seed fixes the steps, not the schedule.
   *
   * @param threads how many branches run in parallel, at least 2
   * @param forkModel copies the model for one branch; it must not share mutable state with it
   * @return how often each action ran and how long the sequences were (prefix and branches)
   * @throws PropertyFailure if a try fails, with the minimal failing prefix and branches
   * @throws IllegalArgumentException if {@code threads < 2}
   * @throws IllegalStateException if no action was declared
   */
  @CanIgnoreReturnValue
  public Statistics checkConcurrently(int threads, UnaryOperator<M> forkModel) {
    if (threads < 2) {
      throw new IllegalArgumentException(
          "threads < 2: " + threads + "; concurrent mode runs at least two branches");
    }
    Objects.requireNonNull(forkModel, "forkModel");
    return run(
        new Sequence.Concurrency<>(
            threads,
            branchSteps,
            CONCURRENT_REPEATS,
            forkModel,
            branchDeadline,
            settings.seeded() ? REPRODUCING_REPEATS : CONCURRENT_REPEATS),
        "concurrent stateful property");
  }

  private Statistics run(Sequence.@Nullable Concurrency<M> concurrency, String what) {
    if (actions.isEmpty()) {
      throw new IllegalStateException("no actions declared; add at least one with action(..)");
    }
    Statistics.Recorder statistics = new Statistics.Recorder();
    for (Action<M, S> action : actions) {
      statistics.declare(action.name());
    }
    Sequence<M, S> sequence =
        new Sequence<>(
            model, system, actions, invariants, settings.maxSteps(), statistics, concurrency);
    return Runner.run(
        settings,
        sequence,
        what,
        "failing sequence",
        statistics,
        name != null ? name : Runner.callerName());
  }
}
