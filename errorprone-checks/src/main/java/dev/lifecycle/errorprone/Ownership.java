package dev.lifecycle.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How calls move the responsibility to close a resource: which calls create one, which close one,
 * which take one over. Shared by the checks of this package.
 */
final class Ownership {
  /** Name prefixes of methods that keep what they are given (registries, containers, owners). */
  private static final List<String> KEEPING_PREFIXES =
      List.of(
          "add", "put", "register", "offer", "push", "own", "track", "attach", "adopt", "manage",
          "submit", "schedule", "enqueue", "store", "keep", "set", "defer", "transfer", "hand");

  /** Name prefixes of methods whose resource result the caller must close. */
  private static final List<String> FACTORY_PREFIXES =
      List.of("open", "new", "create", "prepare", "acquire", "tryAcquire", "lease", "borrow");

  private static final Set<String> FACTORY_NAMES =
      Set.of(
          "accept",
          "getConnection",
          "getResourceAsStream",
          "getSystemResourceAsStream",
          "executeQuery",
          "getResultSet",
          "getGeneratedKeys");

  /** JDBC results that the statement closes too: a view of the receiver when it is tracked. */
  private static final Set<String> DEPENDENT_RESULTS =
      Set.of("executeQuery", "getResultSet", "getGeneratedKeys");

  /** Generic methods that hand their argument back without keeping it. */
  private static final Set<String> CHECKING_OWNERS =
      Set.of(
          "java.util.Objects",
          "com.google.common.base.Preconditions",
          "com.google.common.base.Verify");

  /** {@code java.util} types whose methods read what they get rather than keep it. */
  private static final Set<String> NOT_CONTAINERS =
      Set.of("java.util.Objects", "java.util.Properties", "java.util.Scanner", "java.util.Formatter");

  private Ownership() {}

  /** {@code x.close()}. */
  static boolean isClose(Symbol.MethodSymbol method) {
    return !method.isStatic()
        && method.getParameters().isEmpty()
        && method.getSimpleName().contentEquals("close");
  }

  /**
   * {@code x.close()}, or {@code shutdown()}/{@code shutdownNow()} of an {@code ExecutorService}:
   * what ends the caller's duty to close.
   */
  static boolean isCloseLike(Symbol.MethodSymbol method, VisitorState state) {
    if (isClose(method)) {
      return true;
    }
    String name = method.getSimpleName().toString();
    return !method.isStatic()
        && method.getParameters().isEmpty()
        && (name.equals("shutdown") || name.equals("shutdownNow"))
        && ResourceTypes.isNamed(method.owner.type, "java.util.concurrent.ExecutorService", state);
  }

  /** {@code closeQuietly(x)}, {@code Closeables.close(x, true)}: a static method that closes its arguments. */
  static boolean isStaticCloser(Symbol.MethodSymbol method) {
    return method.isStatic()
        && method.getSimpleName().toString().toLowerCase(Locale.ROOT).startsWith("close");
  }

  /** Whether {@code method} is declared by lifecycle's {@code Scope} (or a subtype). */
  static boolean isScopeMethod(Symbol.MethodSymbol method, String name, VisitorState state) {
    return method.getSimpleName().contentEquals(name)
        && ResourceTypes.isNamed(method.owner.type, ResourceTypes.SCOPE, state);
  }

  /** Whether parameter {@code index} of {@code method} is annotated {@code @Borrowed}. */
  static boolean isBorrowedParameter(Symbol.MethodSymbol method, int index, VisitorState state) {
    Symbol.VarSymbol parameter = parameter(method, index);
    return parameter != null
        && !parameter.getAnnotationMirrors().isEmpty()
        && ASTHelpers.hasAnnotation(parameter, ResourceTypes.BORROWED, state);
  }

  /** Whether parameter {@code index} of {@code method} is annotated {@code @Owning}. */
  static boolean isOwningParameter(Symbol.MethodSymbol method, int index, VisitorState state) {
    Symbol.VarSymbol parameter = parameter(method, index);
    return parameter != null
        && !parameter.getAnnotationMirrors().isEmpty()
        && ASTHelpers.hasAnnotation(parameter, ResourceTypes.OWNING, state);
  }

  /**
   * Whether a resource passed as argument {@code index} becomes the callee's to close: an
   * {@code @Owning} parameter, {@code Scope.own}/{@code transfer}, a method named in the flags, a
   * {@code java.util} container, a generic method that hands its argument back as an owner does
   * ({@code closer.register(x)}), or a method whose name says it keeps what it gets ({@code add},
   * {@code put}, {@code register}, ...). Anything else borrows.
   */
  static boolean takesOwnership(
      Symbol.MethodSymbol method, int index, VisitorState state, Settings settings) {
    if (isBorrowedParameter(method, index, state)) {
      return false;
    }
    if (isOwningParameter(method, index, state)) {
      return true;
    }
    String owner = method.owner.getQualifiedName().toString();
    String name = method.getSimpleName().toString();
    if (settings.isOwningMethod(owner, name)) {
      return true;
    }
    if (isScopeMethod(method, "own", state) || isScopeMethod(method, "transfer", state)) {
      return index == 0;
    }
    if (isScopeMethod(method, "release", state)) {
      return false;
    }
    if (owner.startsWith("java.util.") && !NOT_CONTAINERS.contains(owner)) {
      return true;
    }
    if (returnsArgument(method) && !CHECKING_OWNERS.contains(owner)) {
      return true;
    }
    for (String prefix : KEEPING_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** {@code Objects.requireNonNull(x)}: the argument comes back, still the caller's. */
  static boolean returnsArgumentUnchanged(Symbol.MethodSymbol method) {
    return returnsArgument(method)
        && CHECKING_OWNERS.contains(method.owner.getQualifiedName().toString());
  }

  /**
   * Whether the caller must close the {@code result} of calling {@code method}: the method or type
   * is annotated {@code @MustClose}/{@code @MustBeClosed}, it is a {@code java.nio.file.Files}
   * factory, it returns one of lifecycle's types from a method not named {@code get...}, or its
   * name says it creates ({@code open}, {@code new}, {@code create}, {@code prepare}, {@code
   * acquire}, {@code accept}, {@code getConnection}, ...). Getters return borrowed views.
   */
  static boolean isFactory(
      Symbol.MethodSymbol method, Type result, VisitorState state, Settings settings) {
    if (ASTHelpers.hasAnnotation(method, ResourceTypes.MUST_CLOSE, state)
        || ASTHelpers.hasAnnotation(method, ResourceTypes.MUST_BE_CLOSED, state)) {
      return true;
    }
    if (returnsArgument(method)
        || (!ResourceTypes.isResource(result, state, settings)
            && !ResourceTypes.isResourceResult(method, result, state))) {
      return false; // scope.own(x) hands x back; it creates nothing
    }
    if (method.owner.getQualifiedName().contentEquals("java.nio.file.Files")) {
      return true;
    }
    String name = method.getSimpleName().toString();
    if (ResourceTypes.isNamed(result, ResourceTypes.SCOPE, state)) {
      return isScopeMethod(method, "open", state) || (name.startsWith("open") && method.isStatic());
    }
    if (isLifecycleType(result, state) && !name.startsWith("get")) {
      return true;
    }
    if (FACTORY_NAMES.contains(name)) {
      return true;
    }
    for (String prefix : FACTORY_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** JDBC result sets: closing the statement closes them. */
  static boolean isDependentResult(Symbol.MethodSymbol method) {
    return DEPENDENT_RESULTS.contains(method.getSimpleName().toString());
  }

  private static boolean isLifecycleType(Type type, VisitorState state) {
    for (String name : ResourceTypes.LIFECYCLE_TYPES) {
      if (ResourceTypes.isNamed(type, name, state)) {
        return true;
      }
    }
    return false;
  }

  /** {@code <T> T own(T resource)}: the declared result is a type variable of a parameter. */
  static boolean returnsArgument(Symbol.MethodSymbol method) {
    Type declared = method.getReturnType();
    if (!declared.hasTag(TypeTag.TYPEVAR)) {
      return false;
    }
    for (Symbol.VarSymbol parameter : method.getParameters()) {
      if (parameter.asType().tsym.equals(declared.tsym)) {
        return true;
      }
    }
    return false;
  }

  private static Symbol.@org.jspecify.annotations.Nullable VarSymbol parameter(
      Symbol.MethodSymbol method, int index) {
    List<Symbol.VarSymbol> parameters = method.getParameters();
    if (parameters.isEmpty()) {
      return null;
    }
    return parameters.get(Math.min(index, parameters.size() - 1));
  }
}
