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
 * @param factoryMethods methods whose result the caller must close, whatever their name says, as
 *     {@code fully.qualified.Type.method} ({@code -XepOpt:UnclosedResource:FactoryMethods=com.acme.Store.getLog})
 * @param failOnAnalysisError whether an internal failure of an analysis fails the compilation
 *     ({@code -XepOpt:Lifecycle:FailOnAnalysisError=true}) instead of being reported as a note
 */
record Settings(
    Set<String> resourceTypes,
    Set<String> owningMethods,
    Set<String> factoryMethods,
    boolean failOnAnalysisError) {
  static final String RESOURCE_TYPES_FLAG = "UnclosedResource:ResourceTypes";
  static final String OWNING_METHODS_FLAG = "UnclosedResource:OwningMethods";
  static final String FACTORY_METHODS_FLAG = "UnclosedResource:FactoryMethods";
  static final String FAIL_ON_ANALYSIS_ERROR_FLAG = "Lifecycle:FailOnAnalysisError";
  static final Settings DEFAULT = new Settings(Set.of(), Set.of(), Set.of(), false);

  Settings {
    resourceTypes = Set.copyOf(resourceTypes);
    owningMethods = Set.copyOf(owningMethods);
    factoryMethods = Set.copyOf(factoryMethods);
  }

  /** Reads the flags; a malformed entry fails with a message that names the flag. */
  static Settings from(ErrorProneFlags flags) {
    Set<String> types = Set.copyOf(flags.getListOrEmpty(RESOURCE_TYPES_FLAG));
    Set<String> methods = methods(flags, OWNING_METHODS_FLAG);
    Set<String> factories = methods(flags, FACTORY_METHODS_FLAG);
    boolean fail = flags.getBoolean(FAIL_ON_ANALYSIS_ERROR_FLAG).orElse(false);
    return new Settings(types, methods, factories, fail);
  }

  private static Set<String> methods(ErrorProneFlags flags, String flag) {
    Set<String> methods = Set.copyOf(flags.getListOrEmpty(flag));
    for (String method : methods) {
      int dot = method.lastIndexOf('.');
      if (dot <= 0 || dot == method.length() - 1) {
        throw new IllegalArgumentException(
            "-XepOpt:"
                + flag
                + " entry was '"
                + method
                + "'; write each method as fully.qualified.Type.methodName");
      }
    }
    return methods;
  }

  /** Whether {@code owner.name} was named in {@code -XepOpt:UnclosedResource:OwningMethods}. */
  boolean isOwningMethod(String owner, String name) {
    return !owningMethods.isEmpty() && owningMethods.contains(owner + "." + name);
  }

  /** Whether {@code owner.name} was named in {@code -XepOpt:UnclosedResource:FactoryMethods}. */
  boolean isFactoryMethod(String owner, String name) {
    return !factoryMethods.isEmpty() && factoryMethods.contains(owner + "." + name);
  }
}
