package dev.lifecycle.errorprone;

import com.google.errorprone.ErrorProneFlags;
import java.util.Set;

/**
 * The project-specific knowledge the checks take from flags, so a team needs no annotations.
 *
 * @param resourceTypes fully-qualified names of extra types that must be closed
 *     ({@code -XepOpt:UnclosedResource:ResourceTypes=com.acme.Lease,com.acme.Handle})
 * @param owningMethods methods that take ownership of every resource passed to them, as
 *     {@code fully.qualified.Type.method} ({@code -XepOpt:UnclosedResource:OwningMethods=com.acme.Pool.adopt})
 */
record Settings(Set<String> resourceTypes, Set<String> owningMethods) {
  static final String RESOURCE_TYPES_FLAG = "UnclosedResource:ResourceTypes";
  static final String OWNING_METHODS_FLAG = "UnclosedResource:OwningMethods";
  static final Settings DEFAULT = new Settings(Set.of(), Set.of());

  Settings {
    resourceTypes = Set.copyOf(resourceTypes);
    owningMethods = Set.copyOf(owningMethods);
  }

  /** Reads the flags; a malformed entry fails with a message that names the flag. */
  static Settings from(ErrorProneFlags flags) {
    Set<String> types = Set.copyOf(flags.getListOrEmpty(RESOURCE_TYPES_FLAG));
    Set<String> methods = Set.copyOf(flags.getListOrEmpty(OWNING_METHODS_FLAG));
    for (String method : methods) {
      int dot = method.lastIndexOf('.');
      if (dot <= 0 || dot == method.length() - 1) {
        throw new IllegalArgumentException(
            "-XepOpt:"
                + OWNING_METHODS_FLAG
                + " entry was '"
                + method
                + "'; write each method as fully.qualified.Type.methodName");
      }
    }
    return new Settings(types, methods);
  }

  /** Whether {@code owner.name} was named in {@code -XepOpt:UnclosedResource:OwningMethods}. */
  boolean isOwningMethod(String owner, String name) {
    return !owningMethods.isEmpty() && owningMethods.contains(owner + "." + name);
  }
}
