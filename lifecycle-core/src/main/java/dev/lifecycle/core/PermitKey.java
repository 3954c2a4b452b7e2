package dev.lifecycle.core;

import dev.lifecycle.core.internal.UserCode;
import org.jspecify.annotations.Nullable;

/**
 * The state {@link KeyedPermits} keeps for one key while it has permits in use or waiters, and no
 * longer: counts, limit, and the live grants. Guarded by the permits' lock.
 */
final class PermitKey<K> {
  final K key;
  /** The key as the permits' map holds it. */
  final KeyRef<K> ref;
  final int limit;
  int inUse;
  int waiting;
  @Nullable PermitGrant<K> grants;

  /** The key's masked text, made once, outside the lock (a benign race: any thread may make it). */
  private @Nullable String description;

  PermitKey(KeyRef<K> ref, int limit) {
    this.key = ref.key;
    this.ref = ref;
    this.limit = limit;
  }

  /** The key for messages and reports: masked, never throwing. Call it without the lock. */
  String description() {
    String text = description;
    if (text == null) {
      text = UserCode.describe(key);
      description = text;
    }
    return text;
  }

  void link(PermitGrant<K> grant) {
    grant.next = grants;
    if (grants != null) {
      grants.prev = grant;
    }
    grants = grant;
  }

  void unlink(PermitGrant<K> grant) {
    if (grant.prev != null) {
      grant.prev.next = grant.next;
    } else {
      grants = grant.next;
    }
    if (grant.next != null) {
      grant.next.prev = grant.prev;
    }
    grant.prev = null;
    grant.next = null;
  }

  /** The live grants, counted one by one. */
  int recount() {
    int count = 0;
    for (PermitGrant<K> g = grants; g != null; g = g.next) {
      count++;
    }
    return count;
  }
}
