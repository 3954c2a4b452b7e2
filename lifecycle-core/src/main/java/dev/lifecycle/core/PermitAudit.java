package dev.lifecycle.core;

import java.util.List;

/**
 * What {@link KeyedPermits#audit()} found: the counters compared with a recount of the live
 * permits.
 *
 * @param inUse the global counter of permits in use
 * @param recounted the live permits counted one by one
 * @param keys how many keys have state (permits in use or waiters)
 * @param differences every counter that disagreed with the recount, one line each; empty when
 *     the accounting is exact
 */
public record PermitAudit(int inUse, int recounted, int keys, List<String> differences) {
  /** Copies the list. */
  public PermitAudit {
    differences = List.copyOf(differences);
  }

  /** Whether every counter equals its recount. */
  public boolean isClean() {
    return differences.isEmpty();
  }
}
