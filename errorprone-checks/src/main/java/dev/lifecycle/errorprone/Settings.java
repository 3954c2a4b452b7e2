package dev.lifecycle.errorprone;

import com.google.errorprone.ErrorProneFlags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The project-specific knowledge the checks take from flags, so a team needs no annotations.
 *
 * @param resourceTypes fully-qualified names of extra types that must be closed ({@code
 *     -XepOpt:UnclosedResource:ResourceTypes=com.acme.Lease,com.acme.Handle})
 * @param owningMethods methods that take ownership of every resource passed to them, as {@code
 *     fully.qualified.Type.method} ({@code
 *     -XepOpt:UnclosedResource:OwningMethods=com.acme.Pool.adopt})
 */
record Settings(Set<String> resourceTypes, Set<String> owningMethods) {
  static final String RESOURCE_TYPES_FLAG = "UnclosedResource:ResourceTypes";
  static final String OWNING_METHODS_FLAG = "UnclosedResource:OwningMethods";
  static final Settings DEFAULT = new Settings(Set.of(), Set.of());
  private static final String FLAG_PREFIX = "UnclosedResource:";
  private static final Set<String> KNOWN_FLAGS = Set.of(RESOURCE_TYPES_FLAG, OWNING_METHODS_FLAG);

  Settings {
    resourceTypes = Set.copyOf(resourceTypes);
    owningMethods = Set.copyOf(owningMethods);
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
    Set<String> methods = new LinkedHashSet<>();
    for (String method : flags.getListOrEmpty(OWNING_METHODS_FLAG)) {
      if (isMethodName(method.strip())) {
        methods.add(method.strip());
      }
    }
    return new Settings(types, methods);
  }

  /**
   * What is wrong with the {@code -XepOpt:UnclosedResource:...} flags, one message per malformed
   * entry or unknown flag name; empty when they are fine.
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
                + " and -XepOpt:"
                + OWNING_METHODS_FLAG);
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
    for (String method : flags.getListOrEmpty(OWNING_METHODS_FLAG)) {
      if (!isMethodName(method.strip())) {
        problems.add(
            "-XepOpt:"
                + OWNING_METHODS_FLAG
                + " entry was '"
                + method
                + "'; write each method as fully.qualified.Type.methodName");
      }
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
}
