package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Stateful;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of own, release, transfer, child and close over a tree of scopes, with hostile
 * resources (a close that throws an exception, an {@link AssertionError} or a {@link
 * StackOverflowError}, that blocks for a while, that re-enters the library by closing its own scope
 * again and using another scope, a {@code toString()} that throws), checked step by step against a
 * model: every resource is closed exactly once or handed back, in reverse order of ownership,
 * failures aggregated, the tracker's thread alive, nothing left open after the root scope closes.
 */
final class ScopeStatefulTest {
  private static final Tracker TRACKER =
      Tracker.newBuilder().name("scope-stateful").level(DetectionLevel.SAMPLED).build();

  @AfterAll
  static void stopTracker() {
    TRACKER.close();
  }

  // ---- the model ------------------------------------------------------------------------------

  record ProbeItem(int id) {}

  record ScopeItem(int index) {}

  /** What a resource does wrong. */
  enum Fault {
    NONE,
    THROWS_EXCEPTION,
    THROWS_ASSERTION_ERROR,
    THROWS_STACK_OVERFLOW,
    BLOCKS,
    REENTERS,
    TO_STRING_THROWS;

    boolean fails() {
      return this == THROWS_EXCEPTION || this == THROWS_ASSERTION_ERROR || this == THROWS_STACK_OVERFLOW;
    }
  }

  record Own(int scope, Fault fault) {}

  /** A resource for the property: counts and journals its closes, then does its fault. */
  static final class Hostile implements AutoCloseable {
    final String name;
    final Fault fault;
    final AtomicInteger closes = new AtomicInteger();
    final @Nullable Throwable failure;
    private final List<String> journal;
    volatile @Nullable Scope owner;

    Hostile(String name, Fault fault, List<String> journal) {
      this.name = name;
      this.fault = fault;
      this.journal = journal;
      this.failure =
          switch (fault) {
            case THROWS_EXCEPTION -> new IllegalStateException(name + " failed");
            case THROWS_ASSERTION_ERROR -> new AssertionError(name + " failed hard");
            case THROWS_STACK_OVERFLOW -> new StackOverflowError(name + " recursed");
            default -> null;
          };
    }

    @Override
    public void close() {
      closes.incrementAndGet();
      journal.add(name);
      switch (fault) {
        case BLOCKS -> {
          long until = System.nanoTime() + 2_000_000; // a slow close, bounded: 2 ms
          while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
          }
        }
        case REENTERS -> {
          Scope scope = owner;
          if (scope != null) {
            scope.close(); // its own scope, already closing: must return at once
          }
          try (Scope other = Scope.open("re-entered", TRACKER)) {
            other.own(REENTERED::incrementAndGet);
          }
        }
        default -> {}
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure instanceof RuntimeException exception) {
        throw exception;
      }
    }

    @Override
    public String toString() {
      if (fault == Fault.TO_STRING_THROWS) {
        throw new IllegalStateException("toString of " + name + " broke");
      }
      return "hostile " + name;
    }
  }

  private static final AtomicInteger REENTERED = new AtomicInteger();

  record Move(int probe, int target) {}

  static final class ScopeState {
    final int parent;
    boolean closed;
    final List<Object> items = new ArrayList<>();

    ScopeState(int parent) {
      this.parent = parent;
    }
  }

  static final class ProbeState {
    final boolean failing;
    int owner = -1;
    boolean closed;

    ProbeState(boolean failing) {
      this.failing = failing;
    }
  }

  private static boolean cleanerAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("lifecycle-cleaner-scope-stateful") && t.isAlive());
  }

  static final class Model {
    final List<ScopeState> scopes = new ArrayList<>(List.of(new ScopeState(-1)));
    final List<ProbeState> probes = new ArrayList<>();
    final List<String> journal = new ArrayList<>();

    List<Integer> ownedProbes() {
      List<Integer> owned = new ArrayList<>();
      for (int i = 0; i < probes.size(); i++) {
        if (probes.get(i).owner >= 0) {
          owned.add(i);
        }
      }
      return owned;
    }

    Gen<Integer> anyScope() {
      return Gen.ints(0, scopes.size() - 1);
    }

    /** Closes scope {@code s} as the system should; adds failing probes in close order. */
    void close(int s, List<Integer> failing) {
      ScopeState scope = scopes.get(s);
      if (scope.closed) {
        return;
      }
      scope.closed = true;
      for (int i = scope.items.size() - 1; i >= 0; i--) {
        Object item = scope.items.get(i);
        if (item instanceof ProbeItem p) {
          ProbeState probe = probes.get(p.id());
          probe.closed = true;
          probe.owner = -1;
          journal.add("p" + p.id());
          if (probe.failing) {
            failing.add(p.id());
          }
        } else {
          close(((ScopeItem) item).index(), failing);
        }
      }
      scope.items.clear();
      if (scope.parent >= 0 && !scopes.get(scope.parent).closed) {
        scopes.get(scope.parent).items.remove(new ScopeItem(s));
      }
    }
  }

  // ---- the system -----------------------------------------------------------------------------

  /** Real scopes and probes; closing it closes the root and checks that nothing is left open. */
  static final class World implements AutoCloseable {
    final List<String> journal = Probe.journal();
    final List<Scope> scopes = new ArrayList<>(List.of(Scope.open("root", TRACKER)));
    final List<Hostile> probes = new ArrayList<>();
    final List<@Nullable Throwable> failures = new ArrayList<>();
    final Set<Integer> released = new HashSet<>();

    @Override
    public void close() {
      var unused = catchThrowable(scopes.get(0)::close); // the close action checks failures
      for (int i = 0; i < probes.size(); i++) {
        Hostile probe = probes.get(i);
        if (released.contains(i)) {
          assertThat(probe.closes).as("released probe p%d", i).hasValue(0);
        } else {
          assertThat(probe.closes).as("probe p%d after the root closed", i).hasValue(1);
        }
      }
      assertThat(scopes).allMatch(Scope::isClosed);
    }
  }

  // ---- the property ---------------------------------------------------------------------------

  @Test
  void scopes_closeEveryResourceExactlyOnceInReverseOrder() {
    Stateful.<Model, World>of(Model::new, World::new)
        .action(
            "own",
            m -> true,
            m -> Gen.zip(m.anyScope(), Gen.ints(0, 12), (s, f) -> new Own(s, fault(f))),
            ScopeStatefulTest::own)
        .action(
            "release",
            m -> !m.ownedProbes().isEmpty(),
            m -> Gen.elementOf(m.ownedProbes()),
            ScopeStatefulTest::release)
        .action(
            "transfer",
            m -> !m.ownedProbes().isEmpty(),
            m -> Gen.zip(Gen.elementOf(m.ownedProbes()), m.anyScope(), Move::new),
            ScopeStatefulTest::transfer)
        .action("child", m -> true, Model::anyScope, ScopeStatefulTest::child)
        .action("close", m -> true, Model::anyScope, ScopeStatefulTest::close)
        .invariant("closes match the model", ScopeStatefulTest::closesMatch)
        .invariant("journal matches the model", (m, w) -> assertThat(w.journal).isEqualTo(m.journal))
        .invariant("scope states match the model", ScopeStatefulTest::scopesMatch)
        .invariant("the tracker's thread is alive", (m, w) -> assertThat(cleanerAlive()).isTrue())
        .tries(300)
        .maxSteps(40)
        .check();
  }

  /** Half the resources are well behaved, the rest spread over the faults. */
  private static Fault fault(int f) {
    Fault[] faults = Fault.values();
    return f < faults.length ? faults[f] : Fault.NONE;
  }

  private static void own(Model m, World w, Own own) {
    int id = m.probes.size();
    Hostile probe = new Hostile("p" + id, own.fault(), w.journal);
    w.probes.add(probe);
    w.failures.add(probe.failure);
    ProbeState state = new ProbeState(own.fault().fails());
    m.probes.add(state);
    Scope scope = w.scopes.get(own.scope());
    probe.owner = scope;
    if (m.scopes.get(own.scope()).closed) {
      assertThatThrownBy(() -> scope.own(probe))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is closed");
      state.closed = true;
      m.journal.add("p" + id);
    } else {
      assertThat(scope.own(probe)).isSameAs(probe);
      state.owner = own.scope();
      m.scopes.get(own.scope()).items.add(new ProbeItem(id));
    }
  }

  private static void release(Model m, World w, int id) {
    ProbeState state = m.probes.get(id);
    assertThat(w.scopes.get(state.owner).release(w.probes.get(id))).isSameAs(w.probes.get(id));
    m.scopes.get(state.owner).items.remove(new ProbeItem(id));
    state.owner = -1;
    w.released.add(id);
  }

  private static void transfer(Model m, World w, Move move) {
    ProbeState state = m.probes.get(move.probe());
    Hostile probe = w.probes.get(move.probe());
    Scope from = w.scopes.get(state.owner);
    Scope to = w.scopes.get(move.target());
    if (move.target() != state.owner) {
      probe.owner = to;
    }
    if (move.target() == state.owner) {
      assertThatThrownBy(() -> from.transfer(probe, to))
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    m.scopes.get(state.owner).items.remove(new ProbeItem(move.probe()));
    if (m.scopes.get(move.target()).closed) {
      assertThatThrownBy(() -> from.transfer(probe, to)).isInstanceOf(IllegalStateException.class);
      state.owner = -1;
      state.closed = true;
      m.journal.add("p" + move.probe());
    } else {
      assertThat(from.transfer(probe, to)).isSameAs(probe);
      state.owner = move.target();
      m.scopes.get(move.target()).items.add(new ProbeItem(move.probe()));
    }
  }

  private static void child(Model m, World w, int parent) {
    Scope scope = w.scopes.get(parent);
    if (m.scopes.get(parent).closed) {
      assertThatThrownBy(() -> scope.child("c")).isInstanceOf(IllegalStateException.class);
      return;
    }
    w.scopes.add(scope.child("c" + m.scopes.size()));
    m.scopes.get(parent).items.add(new ScopeItem(m.scopes.size()));
    m.scopes.add(new ScopeState(parent));
  }

  private static void close(Model m, World w, int s) {
    List<Integer> failing = new ArrayList<>();
    m.close(s, failing);
    Throwable thrown = catchThrowable(w.scopes.get(s)::close);
    if (failing.isEmpty()) {
      assertThat(thrown).isNull();
      return;
    }
    assertThat(thrown).isSameAs(w.failures.get(failing.get(0)));
    List<Throwable> suppressed = new ArrayList<>();
    collectSuppressed(thrown, suppressed);
    List<Throwable> expected = new ArrayList<>();
    for (int id : failing.subList(1, failing.size())) {
      expected.add(w.failures.get(id));
    }
    assertThat(suppressed).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static void collectSuppressed(Throwable t, List<Throwable> out) {
    for (Throwable s : t.getSuppressed()) {
      out.add(s);
      collectSuppressed(s, out);
    }
  }

  private static void closesMatch(Model m, World w) {
    for (int i = 0; i < m.probes.size(); i++) {
      assertThat(w.probes.get(i).closes).as("closes of p%d", i).hasValue(m.probes.get(i).closed ? 1 : 0);
    }
  }

  private static void scopesMatch(Model m, World w) {
    for (int i = 0; i < m.scopes.size(); i++) {
      ScopeState state = m.scopes.get(i);
      Scope scope = w.scopes.get(i);
      assertThat(scope.isClosed()).as("scope %s closed", scope.path()).isEqualTo(state.closed);
      if (!state.closed) {
        assertThat(scope.size()).as("size of scope %s", scope.path()).isEqualTo(state.items.size());
      }
    }
  }
}
