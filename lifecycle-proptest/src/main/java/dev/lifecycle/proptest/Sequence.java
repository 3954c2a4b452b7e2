package dev.lifecycle.proptest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

/** One try of a stateful property: generates and runs a sequence of steps, step by step. */
final class Sequence<M, S> implements Trial {
  /** The parameter of an action that has none. */
  private static final Object NONE = new Object();

  private final Supplier<? extends M> modelFactory;
  private final Supplier<? extends S> systemFactory;
  private final List<Stateful.Action<M, S>> actions;
  private final List<Stateful.Check<M, S>> invariants;
  private final int maxSteps;
  private final Statistics.Recorder statistics;

  Sequence(
      Supplier<? extends M> modelFactory,
      Supplier<? extends S> systemFactory,
      List<Stateful.Action<M, S>> actions,
      List<Stateful.Check<M, S>> invariants,
      int maxSteps,
      Statistics.Recorder statistics) {
    this.modelFactory = modelFactory;
    this.systemFactory = systemFactory;
    this.actions = actions;
    this.invariants = invariants;
    this.maxSteps = maxSteps;
    this.statistics = statistics;
  }

  @Override
  public @Nullable Failure run(Choices in, boolean record) {
    M model = modelFactory.get();
    S system = systemFactory.get();
    List<String> steps = new ArrayList<>();
    Throwable failure = null;
    String where = "";
    try {
      Broken broken = checkInvariants(model, system);
      if (broken != null) {
        failure = broken.cause();
        where = "invariant \"" + broken.name() + "\" failed on the initial state";
      }
      int length = 1 + in.random().nextInt(maxSteps);
      for (int n = 0; n < maxSteps && failure == null; n++) {
        int span = in.startSpan();
        if (!in.bit(n < length ? 1.0 : 0.0)) {
          break;
        }
        List<Stateful.Action<M, S>> enabled = enabled(model);
        if (enabled.isEmpty()) {
          break;
        }
        Stateful.Action<M, S> action = enabled.get(in.index(enabled.size()));
        Object param = NONE;
        if (action.params() != null) {
          param = action.params().apply(model).generate(in);
        }
        steps.add(describe(action, param));
        if (record) {
          statistics.action(action.name());
        }
        try {
          action.step().run(model, system, param);
        } catch (TestAbortedException e) {
          throw new Choices.Invalid("assumption failed: " + e.getMessage());
        } catch (OutOfMemoryError e) {
          throw e;
        } catch (Throwable e) { // any other failure of the system is what we are looking for
          failure = e;
          where = "step " + steps.size() + " threw";
          break;
        }
        broken = checkInvariants(model, system);
        if (broken != null) {
          failure = broken.cause();
          where = "invariant \"" + broken.name() + "\" failed after step " + steps.size();
        }
        in.endSpan(span);
      }
    } finally {
      failure = close(system, failure);
      if (failure != null && where.isEmpty()) {
        where = "closing the system threw";
      }
    }
    if (record) {
      statistics.length(steps.size());
    }
    return failure == null ? null : new Failure(render(steps), where, failure);
  }

  /** An invariant that failed, and how. */
  private record Broken(String name, Throwable cause) {}

  /** The first invariant that fails, or null. */
  private @Nullable Broken checkInvariants(M model, S system) {
    for (Stateful.Check<M, S> invariant : invariants) {
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

  private List<Stateful.Action<M, S>> enabled(M model) {
    List<Stateful.Action<M, S>> enabled = new ArrayList<>(actions.size());
    for (Stateful.Action<M, S> action : actions) {
      if (action.precondition().test(model)) {
        enabled.add(action);
      }
    }
    return enabled;
  }

  private static String describe(Stateful.Action<?, ?> action, Object param) {
    return param == NONE ? action.name() : action.name() + "(" + Values.show(param) + ")";
  }

  private static @Nullable Throwable close(Object system, @Nullable Throwable failure) {
    if (!(system instanceof AutoCloseable closeable)) {
      return failure;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      if (failure == null) {
        return e;
      }
      failure.addSuppressed(e);
    }
    return failure;
  }

  /** The steps, numbered from 1, one a line. */
  static String render(List<String> steps) {
    if (steps.isEmpty()) {
      return "(no steps)";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      out.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(steps.get(i));
    }
    return out.toString();
  }
}
