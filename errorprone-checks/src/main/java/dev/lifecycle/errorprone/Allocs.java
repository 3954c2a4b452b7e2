package dev.lifecycle.errorprone;

import com.sun.source.tree.Tree;
import java.util.HashSet;
import java.util.Set;
import org.checkerframework.errorprone.dataflow.analysis.AbstractValue;
import org.jspecify.annotations.Nullable;

/** The allocations an expression may evaluate to. */
final class Allocs implements AbstractValue<Allocs> {
  static final Allocs EMPTY = new Allocs(Set.of());
  final Set<Tree> trees;

  Allocs(Set<Tree> trees) {
    this.trees = trees;
  }

  static Allocs of(Set<Tree> trees) {
    return trees.isEmpty() ? EMPTY : new Allocs(Set.copyOf(trees));
  }

  boolean isEmpty() {
    return trees.isEmpty();
  }

  @Override
  public Allocs leastUpperBound(Allocs other) {
    if (other.trees.isEmpty()) {
      return this;
    }
    Set<Tree> union = new HashSet<>(trees);
    union.addAll(other.trees);
    return of(union);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Allocs a && a.trees.equals(trees);
  }

  @Override
  public int hashCode() {
    return trees.hashCode();
  }

  @Override
  public String toString() {
    return "Allocs" + trees.size();
  }
}
