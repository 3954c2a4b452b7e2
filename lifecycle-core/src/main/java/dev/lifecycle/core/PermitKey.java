package dev.lifecycle.core;

import org.jspecify.annotations.Nullable;

/**
 * The state {@link KeyedPermits} keeps for one key while it has permits in use or waiters, and no
 * longer: counts, limit, and the live grants. Guarded by the permits' lock.
 */
final class PermitKey<K> {
  final K key;
  final int limit;
  int inUse;
  int waiting;
  @Nullable PermitGrant<K> grants;

  PermitKey(K key, int limit) {
    this.key = key;
    this.limit = limit;
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
