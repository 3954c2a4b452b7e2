package dev.lifecycle.core;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
import org.jspecify.annotations.Nullable;

/**
 * An owner of resources: what it owns is closed when it closes, newest first, each exactly once.
 *
 * <pre>{@code
 * try (Scope request = Scope.open("GET /orders/42")) {
 *   Connection db = request.own(pool.connect());
 *   Permit permit = request.own(permits.acquire("mx.example.org", Duration.ofSeconds(2)));
 *   ...
 * } // permit, then db, closed here, on every path
 * }</pre>
 *
 * <p>Ownership moves only explicitly: {@link #release} hands a resource back to the caller, {@link
 * #transfer} moves it to another scope, {@link #child} opens a scope owned by this one. A resource
 * has one owner at a time: owning a scope or a {@link TrackedResource} that another scope owns is
 * an error, and so is a scope owned by itself or by one of its descendants. A plain {@code
 * AutoCloseable} owned by two scopes is not detected (that would cost an identity map shared by
 * every scope) and is closed by both: make its {@code close()} idempotent, or own it once.
 *
 * <p>A scope is itself a tracked resource (kind {@code lifecycle.Scope}): one dropped without close
 * is reported as a leak and, with {@link ReclaimPolicy#CLOSE_AND_REPORT}, closes what it owned, its
 * children included. A child scope whose parent is open is owned by the parent: dropping the last
 * reference to the child is not a leak, the parent closes it.
 *
 * <p>Thread-safe: any thread may own, release, transfer and close concurrently. No lock is held
 * while a resource is closed. Exception messages show scope names and resources masked, as reports
 * do.
 */
@MustClose
public final class Scope implements AutoCloseable, TrackedResource {
  private final ScopeCore core;
  private final String name;
  private final Tracker tracker;
  private final Tracked tracked;

  private Scope(String path, String name, Tracker tracker) {
    this.core = new ScopeCore(path);
    this.name = name;
    this.tracker = tracker;
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
    Require.nonNull(tracker, "tracker");
    String checked = checkName(name);
    return new Scope(checked, checked, tracker);
  }

  private static String checkName(String name) {
    Require.nonNull(name, "scope name");
    Require.argument(!name.isBlank(), "scope name must not be blank: \"%s\"", name);
    return name;
  }

  /**
   * Opens a scope owned by this one, with path {@code this.path() + "/" + name}. Closing this scope
   * closes the child (if still open) in its place in the order; closing the child first removes it
   * from whichever scope owns it then.
   *
   * @throws IllegalStateException if this scope is closed
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public Scope child(String name) {
    String checked = checkName(name);
    return own(new Scope(path() + "/" + checked, checked, tracker));
  }

  /**
   * Takes ownership of {@code resource}: it is closed when this scope closes, unless released or
   * transferred first.
   *
   * @return {@code resource}
   * @throws IllegalStateException if this scope is closed: {@code resource} has then been closed
   *     (any failure to close it is suppressed on this exception), so nothing is left open; or if
   *     another scope owns {@code resource} (a scope, or a {@link TrackedResource}): nothing changed
   * @throws IllegalArgumentException if this scope already owns {@code resource}, or if {@code
   *     resource} is this scope or owns it
   */
  @CanIgnoreReturnValue
  public <T extends AutoCloseable> T own(T resource) {
    Require.nonNull(resource, "resource");
    if (resource instanceof Scope scope) {
      checkNoCycle("own", scope, " in ");
    }
    if (core.owns(resource)) {
      throw new IllegalArgumentException(core.alreadyOwns(resource));
    }
    claim(resource);
    @Nullable String closedBy;
    try {
      closedBy = core.add(resource);
    } catch (RuntimeException e) {
      unclaim(resource);
      throw e;
    }
    if (closedBy != null) {
      unclaim(resource);
      // Close first: describing the resource runs its toString(), which may throw.
      Throwable closeFailure = UserCode.close(resource);
      IllegalStateException failure =
          new IllegalStateException(
              "cannot own "
                  + Texts.describe(resource)
                  + ": "
                  + this
                  + " is closed ("
                  + closedBy
                  + "); the resource was closed instead");
      if (closeFailure != null) {
        failure.addSuppressed(closeFailure);
      }
      throw failure;
    }
    return resource;
  }

  private void checkNoCycle(String verb, Scope scope, String preposition) {
    if (scope.core.isOrOwns(core)) {
      throw new IllegalArgumentException(
          "cannot " + verb + " " + scope + preposition + this
              + ": a scope cannot be owned by itself or by one of its descendants");
    }
  }

  /** Records this scope as the owner of a scope or tracked resource, or throws if another one is. */
  private void claim(AutoCloseable resource) {
    @Nullable String owner;
    if (resource instanceof Scope scope) {
      ScopeCore previous = scope.core.claimOwner(core);
      owner = previous == null ? null : previous.toString();
    } else {
      Handle handle = handleOf(resource);
      String previous = handle == null ? null : handle.claimOwner(path());
      owner = previous == null ? null : "scope \"" + Texts.mask(previous) + "\"";
    }
    if (owner != null) {
      throw new IllegalStateException(
          "cannot own " + Texts.describe(resource) + " in " + this + ": " + owner
              + " owns it; use transfer() to move it, or release() it first");
    }
  }

  private void unclaim(AutoCloseable resource) {
    if (resource instanceof Scope scope) {
      scope.core.releaseOwner(core);
    } else {
      Handle handle = handleOf(resource);
      if (handle != null) {
        handle.owner(null);
      }
    }
  }

  private static @Nullable Handle handleOf(AutoCloseable resource) {
    if (!(resource instanceof TrackedResource trackedResource)) {
      return null;
    }
    try {
      return trackedResource.tracked() instanceof Handle handle ? handle : null;
    } catch (Throwable t) { // user code: a broken tracked() means no owner is recorded
      return null;
    }
  }

  /**
   * Hands {@code resource} back to the caller, who must close it from now on.
   *
   * @return {@code resource}
   * @throws IllegalArgumentException if this scope does not own it
   * @throws IllegalStateException if this scope is closed
   */
  public <T extends AutoCloseable> T release(T resource) {
    Require.nonNull(resource, "resource");
    core.remove(resource, "release");
    unclaim(resource);
    return resource;
  }

  /**
   * Moves {@code resource} from this scope to {@code target}.
   *
   * @return {@code resource}
   * @throws IllegalArgumentException if this scope does not own it, if {@code target} is this scope,
   *     or if {@code resource} is a scope that is {@code target} or owns it: nothing changed
   * @throws IllegalStateException if this scope is closed, or if {@code target} is closed: the
   *     resource has then been closed, as by {@link #own}
   */
  @CanIgnoreReturnValue
  public <T extends AutoCloseable> T transfer(T resource, Scope target) {
    Require.nonNull(resource, "resource");
    Require.nonNull(target, "target scope");
    if (target == this) {
      throw new IllegalArgumentException(
          "cannot transfer " + Texts.describe(resource) + " from " + this + " to itself");
    }
    if (resource instanceof Scope scope) {
      target.checkNoCycle("transfer", scope, " to ");
    }
    core.remove(resource, "transfer");
    unclaim(resource);
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
    return name;
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
   * this scope from the scope that owns it. Idempotent: a call while another thread is closing this
   * scope waits until that close has closed everything (returning early, with its interrupt flag
   * set, only if interrupted); a call from a resource's own {@code close()} returns at once. So a
   * parent closed while a child is closing on another thread waits for the child, and reverse
   * order holds. (A resource whose {@code close()} closes, on its thread, a scope that another
   * thread is closing and that waits for this one, waits for ever: do not close enclosing scopes
   * from a resource's {@code close()}.)
   *
   * @throws RuntimeException the first failure if it was unchecked (or an {@link Error}), with the
   *     later ones suppressed on it
   * @throws ScopeCloseException if the first failure was a checked exception: its cause, with the
   *     later failures suppressed on it
   */
  @Override
  public void close() {
    if (!tracked.close()) {
      core.awaitClosed();
      return;
    }
    try {
      core.close();
    } finally {
      ScopeCore owner = core.owner();
      if (owner != null) {
        owner.forget(this);
        core.releaseOwner(owner);
      }
    }
  }

  @Override
  public String toString() {
    return core.toString();
  }
}
