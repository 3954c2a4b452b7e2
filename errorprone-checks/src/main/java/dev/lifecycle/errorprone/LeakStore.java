package dev.lifecycle.errorprone;

import com.sun.source.tree.Tree;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;
import org.jspecify.annotations.Nullable;

/** Open allocations, and which locals may hold which allocation. Immutable. */
final class LeakStore implements Store<LeakStore> {
  /** Why a resource may escape unclosed: the first point on a path where it did. */
  record Why(int position, String text) {
    static final Why NONE = new Why(Integer.MAX_VALUE, "");

    boolean isNone() {
      return position == Integer.MAX_VALUE;
    }

    Why earlier(Why other) {
      return other.position < position ? other : this;
    }
  }

  static final LeakStore UNREACHABLE = new LeakStore(true, Map.of(), Map.of(), Set.of());
  static final LeakStore EMPTY = new LeakStore(false, Map.of(), Map.of(), Set.of());

  final boolean unreachable;
  final Map<Tree, Why> open;
  final Map<Element, Set<Tree>> holders;

  /**
   * Open allocations a constructor stored in the object under construction: the object owns
   * them once the constructor returns, and nobody does when it throws.
   */
  final Set<Tree> stored;

  private LeakStore(
      boolean unreachable,
      Map<Tree, Why> open,
      Map<Element, Set<Tree>> holders,
      Set<Tree> stored) {
    this.unreachable = unreachable;
    this.open = open;
    this.holders = holders;
    this.stored = stored;
  }

  LeakStore opened(Tree allocation) {
    Map<Tree, Why> next = new HashMap<>(open);
    next.put(allocation, Why.NONE);
    return new LeakStore(false, next, holders, stored);
  }

  /** Closed, returned or handed over: no longer this method's to close. */
  LeakStore done(Allocs allocs) {
    if (allocs.isEmpty() || Collections.disjoint(open.keySet(), allocs.trees)) {
      return this;
    }
    Map<Tree, Why> next = new HashMap<>(open);
    next.keySet().removeAll(allocs.trees);
    Set<Tree> nextStored = stored;
    if (!stored.isEmpty() && !Collections.disjoint(stored, allocs.trees)) {
      Set<Tree> s = new HashSet<>(stored);
      s.removeAll(allocs.trees);
      nextStored = Set.copyOf(s);
    }
    return new LeakStore(false, next, holders, nextStored);
  }

  /** Stored in the object a constructor builds (see {@link #stored}). */
  LeakStore storedInObject(Allocs allocs) {
    Set<Tree> s = new HashSet<>(stored);
    for (Tree tree : allocs.trees) {
      if (open.containsKey(tree)) {
        s.add(tree);
      }
    }
    return s.size() == stored.size() ? this : new LeakStore(false, open, holders, Set.copyOf(s));
  }

  /** Everything stored in the object under construction: {@code close()} of the object closes it. */
  LeakStore doneStored() {
    return stored.isEmpty() ? this : done(Allocs.of(stored));
  }

  LeakStore assigned(Element local, Allocs allocs) {
    Map<Element, Set<Tree>> next = new HashMap<>(holders);
    if (allocs.isEmpty()) {
      next.remove(local);
    } else {
      next.put(local, allocs.trees);
    }
    return new LeakStore(false, open, next, stored);
  }

  /** A local container ({@code list.add(x)}) now holds these too. */
  LeakStore alsoHeldBy(Element local, Allocs allocs) {
    if (allocs.isEmpty()) {
      return this;
    }
    Set<Tree> union = new HashSet<>(allocs.trees);
    Set<Tree> held = holders.get(local);
    if (held != null) {
      union.addAll(held);
    }
    Map<Element, Set<Tree>> next = new HashMap<>(holders);
    next.put(local, Set.copyOf(union));
    return new LeakStore(false, open, next, stored);
  }

  Allocs heldBy(Element local) {
    Set<Tree> held = holders.get(local);
    return held == null ? Allocs.EMPTY : Allocs.of(held);
  }

  /** Gives every open allocation that has no reason yet this one. */
  LeakStore because(Why why) {
    if (unreachable || open.isEmpty()) {
      return this;
    }
    Map<Tree, Why> next = new HashMap<>(open);
    next.replaceAll((tree, old) -> old.isNone() ? why : old);
    return new LeakStore(false, next, holders, stored);
  }

  @Override
  public LeakStore copy() {
    return this;
  }

  @Override
  public LeakStore leastUpperBound(LeakStore other) {
    if (unreachable) {
      return other;
    }
    if (other.unreachable || other.equals(this)) {
      return this;
    }
    Map<Tree, Why> mergedOpen = new HashMap<>(open);
    other.open.forEach((tree, why) -> mergedOpen.merge(tree, why, Why::earlier));
    Map<Element, Set<Tree>> mergedHolders = new HashMap<>(holders);
    other.holders.forEach(
        (local, trees) ->
            mergedHolders.merge(
                local,
                trees,
                (a, b) -> {
                  Set<Tree> union = new HashSet<>(a);
                  union.addAll(b);
                  return Set.copyOf(union);
                }));
    Set<Tree> mergedStored = stored;
    if (!other.stored.isEmpty()) {
      Set<Tree> union = new HashSet<>(stored);
      union.addAll(other.stored);
      mergedStored = Set.copyOf(union);
    }
    return new LeakStore(false, mergedOpen, mergedHolders, mergedStored);
  }

  @Override
  public LeakStore widenedUpperBound(LeakStore previous) {
    return leastUpperBound(previous);
  }

  @Override
  public boolean canAlias(JavaExpression a, JavaExpression b) {
    return true;
  }

  @Override
  public String visualize(CFGVisualizer<?, LeakStore, ?> visualizer) {
    return toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LeakStore s
        && s.unreachable == unreachable
        && s.open.equals(open)
        && s.holders.equals(holders)
        && s.stored.equals(stored);
  }

  @Override
  public int hashCode() {
    return open.hashCode() * 31 + holders.hashCode();
  }

  @Override
  public String toString() {
    return unreachable ? "unreachable" : "open=" + open.size() + " holders=" + holders.size();
  }
}
