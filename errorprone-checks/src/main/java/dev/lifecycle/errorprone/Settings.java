package dev.lifecycle.errorprone;

import com.google.errorprone.ErrorProneFlags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The project-specific knowledge the checks take from flags, so a team needs no annotations.
 *
 * @param resourceTypes fully-qualified names of extra types that must be closed ({@code
 *     -XepOpt:UnclosedResource:ResourceTypes=com.acme.Lease,com.acme.Handle})
 * @param owningMethods methods that take ownership of every resource passed to them, as {@code
 *     fully.qualified.Type.method} ({@code
 *     -XepOpt:UnclosedResource:OwningMethods=com.acme.Pool.adopt})
 * @param factoryMethods methods whose result the caller must close, whatever their name says, as
 *     {@code fully.qualified.Type.method} ({@code
 *     -XepOpt:UnclosedResource:FactoryMethods=com.acme.Store.getLog})
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
  private static final String FLAG_PREFIX = "UnclosedResource:";
  private static final Set<String> KNOWN_FLAGS =
      Set.of(RESOURCE_TYPES_FLAG, OWNING_METHODS_FLAG, FACTORY_METHODS_FLAG);
  private static final List<String> METHOD_FLAGS =
      List.of(OWNING_METHODS_FLAG, FACTORY_METHODS_FLAG);

  Settings {
    resourceTypes = Set.copyOf(resourceTypes);
    owningMethods = Set.copyOf(owningMethods);
    factoryMethods = Set.copyOf(factoryMethods);
  }

  /** Reads the flags; a malformed entry fails with a message that names the flag. */
  static Settings from(ErrorProneFlags flags) {
    List<String> problems = problems(flags);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0));
    }
    return lenient(flags);
  }

  /**
   * Reads the well-formed entries of the flags and skips the others, which {@link #problems} names:
   * a check must not crash javac over a flag.
   */
  static Settings lenient(ErrorProneFlags flags) {
    Set<String> types = new LinkedHashSet<>();
    for (String type : flags.getListOrEmpty(RESOURCE_TYPES_FLAG)) {
      if (isQualifiedName(type.strip())) {
        types.add(type.strip());
      }
    }
    return new Settings(
        types,
        methods(flags, OWNING_METHODS_FLAG),
        methods(flags, FACTORY_METHODS_FLAG),
        failOnAnalysisError(flags).orElse(false));
  }

  private static Set<String> methods(ErrorProneFlags flags, String flag) {
    Set<String> methods = new LinkedHashSet<>();
    for (String method : flags.getListOrEmpty(flag)) {
      if (isMethodName(method.strip())) {
        methods.add(method.strip());
      }
    }
    return methods;
  }

  private static Optional<Boolean> failOnAnalysisError(ErrorProneFlags flags) {
    try {
      return flags.getBoolean(FAIL_ON_ANALYSIS_ERROR_FLAG);
    } catch (IllegalArgumentException notABoolean) {
      return Optional.empty(); // named by problems()
    }
  }

  /**
   * What is wrong with the lifecycle checks' {@code -XepOpt} flags, one message per malformed entry
   * or unknown flag name; empty when they are fine.
   */
  static List<String> problems(ErrorProneFlags flags) {
    List<String> problems = new ArrayList<>();
    for (String name : flags.getFlagsMap().keySet()) {
      if (name.startsWith(FLAG_PREFIX) && !KNOWN_FLAGS.contains(name)) {
        problems.add(
            "-XepOpt:"
                + name
                + " is not a flag of the lifecycle checks; they read -XepOpt:"
                + RESOURCE_TYPES_FLAG
                + ", -XepOpt:"
                + OWNING_METHODS_FLAG
                + " and -XepOpt:"
                + FACTORY_METHODS_FLAG);
      }
    }
    for (String type : flags.getListOrEmpty(RESOURCE_TYPES_FLAG)) {
      if (!isQualifiedName(type.strip())) {
        problems.add(
            "-XepOpt:"
                + RESOURCE_TYPES_FLAG
                + " entry was '"
                + type
                + "'; write each type as fully.qualified.TypeName");
      }
    }
    for (String flag : METHOD_FLAGS) {
      for (String method : flags.getListOrEmpty(flag)) {
        if (!isMethodName(method.strip())) {
          problems.add(
              "-XepOpt:"
                  + flag
                  + " entry was '"
                  + method
                  + "'; write each method as fully.qualified.Type.methodName");
        }
      }
    }
    if (flags.get(FAIL_ON_ANALYSIS_ERROR_FLAG).isPresent()
        && failOnAnalysisError(flags).isEmpty()) {
      problems.add(
          "-XepOpt:"
              + FAIL_ON_ANALYSIS_ERROR_FLAG
              + " was '"
              + flags.get(FAIL_ON_ANALYSIS_ERROR_FLAG).orElse("")
              + "'; write true or false");
    }
    return problems;
  }

  private static boolean isMethodName(String method) {
    int dot = method.lastIndexOf('.');
    return dot > 0 && isQualifiedName(method);
  }

  private static boolean isQualifiedName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (part.isEmpty()
          || !Character.isJavaIdentifierStart(part.codePointAt(0))
          || !part.codePoints().allMatch(Character::isJavaIdentifierPart)) {
        return false;
      }
    }
    return true;
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
