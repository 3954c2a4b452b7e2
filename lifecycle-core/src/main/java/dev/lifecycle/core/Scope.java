package dev.lifecycle.core;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An owner of resources: what it owns is closed when it closes, newest first, each exactly once.
 *
 * <pre>{@code
 * try (Scope request = Scope.open("GET /orders/42")) {
 *   Connection db = request.own(pool.connect());
 *   Permit permit = request.own(permits.acquire("mx.example.org"));
 *   ...
 * } // permit, then db, closed here, on every path
 * }</pre>
 *
 * <p>Ownership moves only explicitly: {@link #release} hands a resource back to the caller, {@link
 * #transfer} moves it to another scope, {@link #child} opens a scope owned by this one. A scope is
 * itself a tracked resource (kind {@code lifecycle.Scope}): one dropped without close is reported as
 * a leak and, with {@link ReclaimPolicy#CLOSE_AND_REPORT}, closes what it owned.
 *
 * <p>Thread-safe: any thread may own, release, transfer and close concurrently. No lock is held
 * while a resource is closed.
 */
@MustClose
public final class Scope implements AutoCloseable, TrackedResource {
  private final ScopeCore core;
  private final Tracker tracker;
  private final Tracked tracked;
  private final @Nullable Scope parent;

  private Scope(String path, Tracker tracker, @Nullable Scope parent) {
    this.core = new ScopeCore(path);
    this.tracker = tracker;
    this.parent = parent;
    this.tracked = tracker.kind(Tracker.SCOPE_KIND).track(this, core, path);
  }

  /**
   * Opens a root scope tracked by {@link Tracker#global()}; close it with try-with-resources.
   *
   * @param name what the scope is for, such as {@code "GET /orders/42"}; shown in reports
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Scope open(String name) {
    return open(name, Tracker.global());
  }

  /**
   * Opens a root scope tracked by {@code tracker}.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Scope open(String name, Tracker tracker) {
    Objects.requireNonNull(tracker, "tracker must not be null");
    return new Scope(checkName(name), tracker, null);
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "scope name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("scope name must not be blank: \"" + name + "\"");
    }
    return name;
  }

  /**
   * Opens a scope owned by this one, with path {@code this.path() + "/" + name}. Closing this scope
   * closes the child (if still open) in its place in the order; closing the child first removes it
   * from this scope.
   *
   * @throws IllegalStateException if this scope is closed
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public Scope child(String name) {
    Scope child = new Scope(path() + "/" + checkName(name), tracker, this);
    return own(child);
  }

  /**
   * Takes ownership of {@code resource}: it is closed when this scope closes, unless released or
   * transferred first.
   *
   * @return {@code resource}
   * @throws IllegalStateException if this scope is closed: {@code resource} has then been closed
   *     (any failure to close it is suppressed on this exception), so nothing is left open
   * @throws IllegalArgumentException if this scope already owns {@code resource}
   */
  @CanIgnoreReturnValue
  public <T extends AutoCloseable> T own(T resource) {
    Objects.requireNonNull(resource, "resource must not be null");
    String closedBy = core.add(resource);
    if (closedBy != null) {
      IllegalStateException failure =
          new IllegalStateException(
              "cannot own "
                  + resource
                  + ": scope \""
                  + path()
                  + "\" is closed ("
                  + closedBy
                  + "); the resource was closed instead");
      try {
        resource.close();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        failure.addSuppressed(e);
      }
      throw failure;
    }
    setOwner(resource, path());
    return resource;
  }

  /**
   * Hands {@code resource} back to the caller, who must close it from now on.
   *
   * @return {@code resource}
   * @throws IllegalArgumentException if this scope does not own it
   * @throws IllegalStateException if this scope is closed
   */
  public <T extends AutoCloseable> T release(T resource) {
    Objects.requireNonNull(resource, "resource must not be null");
    core.remove(resource, "release");
    setOwner(resource, null);
    return resource;
  }

  /**
   * Moves {@code resource} from this scope to {@code target}.
   *
   * @return {@code resource}
   * @throws IllegalArgumentException if this scope does not own it, or {@code target} is this scope
   * @throws IllegalStateException if this scope is closed, or if {@code target} is closed: the
   *     resource has then been closed, as by {@link #own}
   */
  @CanIgnoreReturnValue
  public <T extends AutoCloseable> T transfer(T resource, Scope target) {
    Objects.requireNonNull(resource, "resource must not be null");
    Objects.requireNonNull(target, "target scope must not be null");
    if (target == this) {
      throw new IllegalArgumentException(
          "cannot transfer " + resource + " from scope \"" + path() + "\" to itself");
    }
    core.remove(resource, "transfer");
    return target.own(resource);
  }

  /** Whether this scope owns {@code resource} now. */
  public boolean owns(AutoCloseable resource) {
    return core.owns(resource);
  }

  /** How many resources this scope owns now. */
  public int size() {
    return core.size();
  }

  /** The scope's name, as given to {@link #open} or {@link #child}. */
  public String name() {
    String path = path();
    return parent == null ? path : path.substring(parent.path().length() + 1);
  }

  /** The names from the root scope to this one, joined by {@code /}. */
  public String path() {
    return core.path;
  }

  /** Whether {@link #close()} has been called (or the scope was closed as a leak). */
  public boolean isClosed() {
    return core.closedBy() != null;
  }

  @Override
  public Tracked tracked() {
    return tracked;
  }

  /**
   * Closes every owned resource, newest first, each exactly once, even when some fail; then removes
   * this scope from its parent. Idempotent: a second call does nothing.
   *
   * @throws RuntimeException the first failure if it was unchecked (or an {@link Error}), with the
   *     later ones suppressed on it
   * @throws ScopeCloseException if the first failure was a checked exception: its cause, with the
   *     later failures suppressed on it
   */
  @Override
  public void close() {
    if (!tracked.close()) {
      return;
    }
    try {
      core.close();
    } finally {
      if (parent != null) {
        parent.core.forget(this);
      }
    }
  }

  private static void setOwner(AutoCloseable resource, @Nullable String owner) {
    if (resource instanceof TrackedResource trackedResource
        && trackedResource.tracked() instanceof Handle handle) {
      handle.owner(owner);
    }
  }

  @Override
  public String toString() {
    return "scope \"" + path() + "\"";
  }
}
