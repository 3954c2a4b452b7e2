package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Stateful;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Branches of own, release, child and close running at the same time on shared scopes: no resource
 * is ever closed twice, every resource not closed is still owned by an open scope, and once every
 * scope is closed every resource was closed exactly once.
 */
final class ScopeConcurrentStatefulTest {
  private static final Tracker TRACKER =
      Tracker.newBuilder().name("scope-concurrent").level(DetectionLevel.SAMPLED).build();

  @AfterAll
  static void stopTracker() {
    TRACKER.close();
  }

  /** What one branch owns through the shared scopes: probe and scope indexes. */
  record Owned(int probe, int scope) {}

  static final class Model {
    final List<Owned> mine = new ArrayList<>();
  }

  /** Shared scopes and every probe made; thread-safe. */
  static final class Shared implements AutoCloseable {
    final List<String> journal = Probe.journal();
    final List<Scope> scopes =
        new CopyOnWriteArrayList<>(
            List.of(Scope.open("a", TRACKER), Scope.open("b", TRACKER), Scope.open("c", TRACKER)));
    final List<Probe> probes = new CopyOnWriteArrayList<>();

    Scope scope(int index) {
      return scopes.get(index % scopes.size());
    }

    @Override
    public void close() {
      scopes.forEach(Scope::close);
      assertThat(probes)
          .as("every probe closed exactly once after every scope closed")
          .allSatisfy(probe -> assertThat(probe.closes).hasValue(1));
    }
  }

  @Test
  void sharedScopes_underConcurrentUse_closeEachResourceAtMostOnceAndLoseNone() {
    Stateful.<Model, Shared>of(Model::new, Shared::new)
        .action("own", Gen.ints(0, 8), ScopeConcurrentStatefulTest::own)
        .action(
            "release",
            m -> !m.mine.isEmpty(),
            m -> Gen.ints(0, m.mine.size() - 1),
            ScopeConcurrentStatefulTest::release)
        .action("child", Gen.ints(0, 8), ScopeConcurrentStatefulTest::child)
        .action("close", Gen.ints(0, 8), (m, s, i) -> s.scope(i).close())
        .systemInvariant("no probe closed twice", ScopeConcurrentStatefulTest::atMostOnce)
        .systemInvariant("an open probe is owned by an open scope", ScopeConcurrentStatefulTest::owned)
        .tries(40)
        .maxSteps(8)
        .checkConcurrently(2, model -> new Model());
  }

  private static void own(Model m, Shared s, int index) {
    Probe probe = new Probe("p", s.journal);
    s.probes.add(probe);
    Scope scope = s.scope(index);
    try {
      scope.own(probe);
      m.mine.add(new Owned(s.probes.indexOf(probe), s.scopes.indexOf(scope)));
    } catch (IllegalStateException closed) {
      assertThat(probe.closes).as("refused by a closed scope, so closed").hasValue(1);
    }
  }

  private static void release(Model m, Shared s, int which) throws Exception {
    // A branch's steps are drawn from the prefix's model; this branch's copy may own fewer.
    Owned owned = m.mine.remove(which % m.mine.size());
    Probe probe = s.probes.get(owned.probe());
    try {
      s.scopes.get(owned.scope()).release(probe);
    } catch (IllegalStateException closedMeanwhile) {
      assertThat(probe.closes).as("its scope closed it").hasValue(1);
      return;
    }
    probe.close(); // handed back: the caller closes it
  }

  private static void child(Model m, Shared s, int index) {
    try {
      s.scopes.add(s.scope(index).child("child"));
    } catch (IllegalStateException closed) {
      // the parent was closed: the child was closed at once
    }
  }

  private static void atMostOnce(Shared s) {
    assertThat(s.probes).allSatisfy(probe -> assertThat(probe.closes.get()).isLessThanOrEqualTo(1));
  }

  private static void owned(Shared s) {
    for (Probe probe : s.probes) {
      if (probe.closes.get() == 0) {
        assertThat(s.scopes)
            .as("a scope that is open and owns %s", probe)
            .anyMatch(scope -> !scope.isClosed() && scope.owns(probe));
      }
    }
  }
}
