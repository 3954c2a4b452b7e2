package dev.lifecycle.proptest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

/**
 * One try of a stateful property: generates and runs a sequence of steps, step by step, then in
 * concurrent mode a few branches of steps on their own threads. Not thread-safe: a runner uses one
 * instance from one thread.
 */
final class Sequence<M, S> implements Trial {
  /** The parameter of an action that has none. */
  private static final Object NONE = new Object();

  /** How long the branch threads of a concurrent try may take to start, at least. */
  private static final Duration START_BOUND = Duration.ofSeconds(10);

  /**
   * The concurrent part of a try: how many branches, how long, how models are forked, how long the
   * branches may take before they are reported as stuck.
   */
  record Concurrency<M>(
      int threads,
      int branchSteps,
      int repeats,
      UnaryOperator<M> fork,
      Duration deadline,
      int firstTryRepeats) {}

  /** How many times the minimal case of a concurrent failure is replayed to say how often it fails. */
  static final int REPLAYS = 20;

  /** A generated step; described only when a failure is reported. */
  private record Planned<M, S>(Stateful.Action<M, S> action, Object param) {
    String description() {
      return param == NONE ? action.name() : action.name() + "(" + Values.show(param) + ")";
    }
  }

  /** An invariant that failed, and how. */
  private record Broken(String name, Throwable cause) {}

  private final Supplier<? extends M> modelFactory;
  private final Supplier<? extends S> systemFactory;
  private final List<Stateful.Action<M, S>> actions;
  private final List<Stateful.Check<M, S>> invariants;
  private final int maxSteps;
  private final Statistics.Recorder statistics;
  private final @Nullable Concurrency<M> concurrency;

  Sequence(
      Supplier<? extends M> modelFactory,
      Supplier<? extends S> systemFactory,
      List<Stateful.Action<M, S>> actions,
      List<Stateful.Check<M, S>> invariants,
      int maxSteps,
      Statistics.Recorder statistics,
      @Nullable Concurrency<M> concurrency) {
    this.modelFactory = modelFactory;
    this.systemFactory = systemFactory;
    this.actions = actions;
    this.invariants = invariants;
    this.maxSteps = maxSteps;
    this.statistics = statistics;
    this.concurrency = concurrency;
  }

  @Override
  public @Nullable Failure run(Choices in, boolean record) {
    Failure failure = once(in, record);
    if (failure != null || concurrency == null) {
      return failure;
    }
    // Thread schedules differ from run to run: run the same steps a few more times, many more on
    // the first try of a run from a given seed, which is how a reported failure is reproduced.
    long[] choices = in.values();
    int repeats = concurrency.repeats();
    if (record && firstTry) {
      repeats = concurrency.firstTryRepeats();
    }
    if (record) {
      firstTry = false;
    }
    for (int repeat = 1; repeat < repeats && failure == null; repeat++) {
      failure = once(Choices.replay(choices, Shrinker.CHOICE_LIMIT), false);
    }
    return failure;
  }

  private boolean firstTry = true;

  @Override
  public @Nullable String reproduction(long[] choices) {
    if (concurrency == null) {
      return null;
    }
    int failed = 0;
    for (int i = 0; i < REPLAYS; i++) {
      try {
        if (once(Choices.replay(choices, Shrinker.CHOICE_LIMIT), false) != null) {
          failed++;
        }
      } catch (Choices.Invalid e) {
        // counts as not reproduced
      }
    }
    return "the minimal case failed again in "
        + failed
        + " of "
        + REPLAYS
        + " replays (thread schedules vary; a run from the seed repeats its first try "
        + concurrency.firstTryRepeats()
        + " times)";
  }

  private @Nullable Failure once(Choices in, boolean record) {
    M model = modelFactory.get();
    S system = systemFactory.get();
    List<Planned<M, S>> steps = new ArrayList<>();
    List<List<String>> branches = new ArrayList<>();
    Throwable failure = null;
    String where = "";
    try {
      Broken broken = checkInvariants(model, system, false);
      if (broken != null) {
        failure = broken.cause();
        where = "invariant \"" + broken.name() + "\" failed on the initial state";
      }
      int length = 1 + in.random().nextInt(maxSteps);
      for (int n = 0; n < maxSteps && failure == null; n++) {
        int span = in.startSpan();
        Planned<M, S> step;
        try {
          step = plan(in, model, n < length);
        } catch (Choices.Invalid | OutOfMemoryError e) {
          throw e;
        } catch (TestAbortedException e) {
          throw new Choices.Invalid("assumption failed: " + e.getMessage());
        } catch (Throwable e) { // a precondition or a parameter's generator threw: reported
          failure = e;
          where = "generating step " + (steps.size() + 1) + " threw";
          break;
        }
        if (step == null) {
          break;
        }
        steps.add(step);
        if (record) {
          statistics.action(step.action().index());
        }
        try {
          step.action().step().run(model, system, step.param());
        } catch (TestAbortedException e) {
          throw new Choices.Invalid("assumption failed: " + e.getMessage());
        } catch (OutOfMemoryError e) {
          throw e;
        } catch (Throwable e) { // any other failure of the system is what we are looking for
          failure = e;
          where = "step " + steps.size() + " threw";
          break;
        }
        broken = checkInvariants(model, system, false);
        if (broken != null) {
          failure = broken.cause();
          where = "invariant \"" + broken.name() + "\" failed after step " + steps.size();
        }
        in.endSpan(span);
      }
      List<List<Planned<M, S>>> planned = List.of();
      if (failure == null && concurrency != null) {
        try {
          planned = planBranches(in, model, concurrency, record);
        } catch (Choices.Invalid | OutOfMemoryError e) {
          throw e;
        } catch (TestAbortedException e) {
          throw new Choices.Invalid("assumption failed: " + e.getMessage());
        } catch (Throwable e) { // a precondition or a parameter's generator threw: reported
          failure = e;
          where = "generating the parallel steps threw";
        }
      }
      if (failure == null && concurrency != null) {
        for (List<Planned<M, S>> branch : planned) {
          List<String> shown = new ArrayList<>();
          for (Planned<M, S> step : branch) {
            shown.add(step.description());
          }
          branches.add(shown);
        }
        Outcome outcome = runBranches(model, system, planned, concurrency, branches);
        if (outcome != null) {
          failure = outcome.cause();
          where = outcome.where();
        }
      }
    } finally {
      failure = close(system, failure);
      if (failure != null && where.isEmpty()) {
        where = "closing the system threw";
      }
    }
    if (record) {
      int total = steps.size();
      for (List<String> branch : branches) {
        total += branch.size();
      }
      statistics.length(total);
    }
    if (failure == null) {
      return null;
    }
    List<String> shown = new ArrayList<>(steps.size());
    for (Planned<M, S> step : steps) {
      shown.add(step.description());
    }
    List<@Nullable Object> values = new ArrayList<>(shown);
    for (int t = 0; t < branches.size(); t++) {
      values.add("thread " + (t + 1) + ": " + String.join("; ", branches.get(t)));
    }
    return new Failure(
        render(shown, branches), where, failure, Collections.unmodifiableList(values));
  }

  /** The next step, generated from the model, or null when the sequence ends here. */
  private @Nullable Planned<M, S> plan(Choices in, M model, boolean suggestMore) {
    if (!in.bit(suggestMore ? 1.0 : 0.0)) {
      return null;
    }
    List<Stateful.Action<M, S>> enabled = enabled(model);
    if (enabled.isEmpty()) {
      return null;
    }
    Stateful.Action<M, S> action = enabled.get(in.index(enabled.size()));
    Object param = NONE;
    if (action.params() != null) {
      param = action.params().apply(model).generate(in);
    }
    return new Planned<>(action, param);
  }

  /** The branches, each planned from the model as the prefix left it (the model is not changed). */
  private List<List<Planned<M, S>>> planBranches(
      Choices in, M model, Concurrency<M> concurrency, boolean record) {
    List<List<Planned<M, S>>> branches = new ArrayList<>();
    for (int t = 0; t < concurrency.threads(); t++) {
      List<Planned<M, S>> branch = new ArrayList<>();
      int length = 1 + in.random().nextInt(concurrency.branchSteps());
      for (int n = 0; n < concurrency.branchSteps(); n++) {
        int span = in.startSpan();
        Planned<M, S> step = plan(in, model, n < length);
        if (step == null) {
          break;
        }
        branch.add(step);
        if (record) {
          statistics.action(step.action().index());
        }
        in.endSpan(span);
      }
      branches.add(branch);
    }
    return branches;
  }

  /** How the parallel part failed. */
  private record Outcome(String where, Throwable cause) {}

  private @Nullable Outcome runBranches(
      M model,
      S system,
      List<List<Planned<M, S>>> planned,
      Concurrency<M> concurrency,
      List<List<String>> shown) {
    int count = planned.size();
    Throwable[] failures = new Throwable[count];
    String[] failedAt = new String[count];
    CountDownLatch ready = new CountDownLatch(count);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      int branch = t;
      M branchModel = concurrency.fork().apply(model);
      Thread thread =
          new Thread(
              () -> {
                ready.countDown();
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                List<Planned<M, S>> steps = planned.get(branch);
                for (int i = 0; i < steps.size(); i++) {
                  Planned<M, S> step = steps.get(i);
                  if (!step.action().precondition().test(branchModel)) {
                    shown.get(branch).set(i, step.description() + " (skipped: precondition)");
                    continue;
                  }
                  try {
                    step.action().step().run(branchModel, system, step.param());
                  } catch (Throwable e) { // reported with the branch and the step
                    failures[branch] = e;
                    failedAt[branch] = step.description();
                    return;
                  }
                }
              },
              "lifecycle-pbt-branch-" + (t + 1));
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    try {
      // Starting threads is not what the property checks: on a loaded machine it can take longer
      // than a short branch deadline, so the start has a bound of its own.
      long startNanos = Math.max(concurrency.deadline().toNanos(), START_BOUND.toNanos());
      if (!ready.await(startNanos, TimeUnit.NANOSECONDS)) {
        throw new IllegalStateException(
            "the threads of the parallel part did not start within "
                + Duration.ofNanos(startNanos)
                + "; the machine is overloaded");
      }
      long deadline = System.nanoTime() + concurrency.deadline().toNanos();
      go.countDown();
      for (int t = 0; t < count; t++) {
        Thread thread = threads.get(t);
        long left = deadline - System.nanoTime();
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        if (thread.isAlive()) {
          AssertionError stuck =
              new AssertionError(
                  "thread "
                      + (t + 1)
                      + " did not finish within "
                      + concurrency.deadline()
                      + "; it may be deadlocked (its stack is this error's stack)");
          stuck.setStackTrace(thread.getStackTrace());
          threads.forEach(Thread::interrupt); // best effort: a stuck branch may still wake up
          return new Outcome("thread " + (t + 1) + " is stuck (possible deadlock)", stuck);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the parallel part", e);
    }
    // Every thread was joined: what they wrote is visible here.
    for (int t = 0; t < count; t++) {
      if (failures[t] instanceof OutOfMemoryError oom) {
        throw oom;
      }
      if (failures[t] instanceof TestAbortedException) {
        throw new Choices.Invalid("assumption failed in a parallel step");
      }
      if (failures[t] != null) {
        return new Outcome("thread " + (t + 1) + " threw at " + failedAt[t], failures[t]);
      }
    }
    Broken broken = checkInvariants(model, system, true);
    if (broken != null) {
      return new Outcome(
          "after the parallel part, invariant \"" + broken.name() + "\" failed", broken.cause());
    }
    return null;
  }

  /** The first invariant that fails, or null; after the parallel part only the system ones. */
  private @Nullable Broken checkInvariants(M model, S system, boolean systemOnly) {
    for (Stateful.Check<M, S> invariant : invariants) {
      if (systemOnly && !invariant.systemOnly()) {
        continue;
      }
      try {
        invariant.check().check(model, system);
      } catch (OutOfMemoryError e) {
        throw e;
      } catch (Throwable e) { // any failure of an invariant fails the try
        return new Broken(invariant.name(), e);
      }
    }
    return null;
  }

  /** The actions whose precondition holds; a buffer reused by the next call. */
  private List<Stateful.Action<M, S>> enabled(M model) {
    List<Stateful.Action<M, S>> enabled = this.enabled;
    enabled.clear();
    for (Stateful.Action<M, S> action : actions) {
      if (action.precondition().test(model)) {
        enabled.add(action);
      }
    }
    return enabled;
  }

  private final List<Stateful.Action<M, S>> enabled = new ArrayList<>();

  private static @Nullable Throwable close(Object system, @Nullable Throwable failure) {
    if (!(system instanceof AutoCloseable closeable)) {
      return failure;
    }
    try {
      closeable.close();
    } catch (Exception | AssertionError e) { // a system that checks itself on close fails the try
      if (failure == null) {
        return e;
      }
      failure.addSuppressed(e);
    }
    return failure;
  }

  /** The steps, numbered from 1, one a line; then the branches, one a line. */
  static String render(List<String> steps, List<List<String>> branches) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      out.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(steps.get(i));
    }
    if (!branches.isEmpty()) {
      out.append(steps.isEmpty() ? "" : "\n").append("then in parallel:");
      for (int t = 0; t < branches.size(); t++) {
        List<String> branch = branches.get(t);
        out.append("\n  thread ")
            .append(t + 1)
            .append(": ")
            .append(branch.isEmpty() ? "(no steps)" : String.join("; ", branch));
      }
    }
    return out.length() == 0 ? "(no steps)" : out.toString();
  }
}
