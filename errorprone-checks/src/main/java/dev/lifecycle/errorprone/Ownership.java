package dev.lifecycle.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How calls move the responsibility to close a resource: which calls create one, which close one,
 * which take one over. Shared by the checks of this package.
 */
final class Ownership {
  /**
   * Name prefixes of methods outside the JDK, whose body is not being compiled, that keep what
   * they are given (registries, containers, owners). Setters, {@code transfer..} and {@code
   * hand..} are not among them: {@code in.transferTo(out)}, {@code handler.handle(in)} and {@code
   * statement.setBinaryStream(1, in)} use what they get and leave it open.
   */
  private static final List<String> KEEPING_PREFIXES =
      List.of(
          "add", "put", "register", "offer", "push", "own", "track", "attach", "adopt", "manage",
          "submit", "schedule", "enqueue", "store", "keep", "defer");

  /** Name prefixes of methods whose resource result the caller must close. */
  private static final List<String> FACTORY_PREFIXES =
      List.of("open", "new", "create", "prepare", "acquire", "tryAcquire", "lease", "borrow");

  /** Names of methods whose resource result the caller must close, on any receiver. */
  private static final Set<String> FACTORY_NAMES =
      Set.of(
          "accept",
          "getResourceAsStream",
          "getSystemResourceAsStream",
          "executeQuery",
          "getResultSet",
          "getGeneratedKeys");

  /** lifecycle's registry lease: its value belongs to the registry. */
  private static final String LEASE = "dev.lifecycle.core.Lease";

  /**
   * JDK methods named like getters that return a fresh resource, as {@code Type.method}; a subtype
   * of the type counts too ({@code HttpURLConnection.getInputStream}, {@code JarFile.getInputStream}).
   */
  private static final Map<String, Set<String>> FRESH_JDK_GETTERS =
      Map.of(
          "java.net.URLConnection", Set.of("getInputStream", "getOutputStream"),
          "java.util.zip.ZipFile", Set.of("getInputStream"),
          "javax.sql.DataSource", Set.of("getConnection"),
          "javax.sql.PooledConnection", Set.of("getConnection"),
          "javax.sql.ConnectionPoolDataSource", Set.of("getPooledConnection"),
          "java.sql.DriverManager", Set.of("getConnection"),
          "java.sql.Driver", Set.of("connect"));

  /** JDBC results that the statement closes too: a view of the receiver when it is tracked. */
  private static final Set<String> DEPENDENT_RESULTS =
      Set.of("executeQuery", "getResultSet", "getGeneratedKeys");

  /** JDK methods whose exception closes the receiver: the JDK closes a socket whose connect fails. */
  private static final Map<String, Set<String>> CLOSES_RECEIVER_ON_FAILURE =
      Map.of(
          "java.net.Socket", Set.of("connect"),
          "java.nio.channels.SocketChannel", Set.of("connect", "finishConnect"));

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

  /**
   * {@code closeQuietly(x)}, {@code Closeables.close(x, true)}, {@code safeClose(o)}, an inherited
   * {@code close(statement)} helper: a method named to close what it is given closes its
   * arguments (outside the JDK also an instance method).
   */
  static boolean isStaticCloser(Symbol.MethodSymbol method) {
    String name = method.getSimpleName().toString().toLowerCase(Locale.ROOT);
    return !method.getParameters().isEmpty()
        && (method.isStatic() || !isJdk(method.owner.getQualifiedName().toString()))
        && (name.startsWith("close") || name.endsWith("close") || name.startsWith("closequietly"));
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
   * Whether a resource passed as argument {@code index} becomes the callee's to close, decided
   * per method: an {@code @Owning} parameter, {@code Scope.own}/{@code transfer}, a method named
   * in the flags, a {@code java.util} container that is not a local one (see {@link
   * #isContainer}), the callee's own body when it is being compiled (it closes the argument, keeps
   * it in a field of an object that can release it, or hands it on to an owner), a generic method
   * that hands its argument back as an owner does ({@code closer.register(x)}), or, outside the
   * JDK, a method whose name says it keeps what it gets ({@code add}, {@code put}, {@code
   * register}, ...). Any other JDK method borrows.
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
    if (isContainer(method, state)) {
      return true;
    }
    if (isJdk(owner)) {
      return false;
    }
    Callees.Summary summary = Callees.of(method, state, settings);
    if (summary != null) {
      int at = Math.min(index, Math.max(0, method.getParameters().size() - 1));
      if (summary.owns(at)) {
        return true;
      }
      if (summary.returns(at)) {
        return false; // handed back to the caller (a helper that configures and returns it)
      }
      if (!isFactoryName(name) && !returnsArgument(method)) {
        return false; // the body is known: it only uses the argument
      }
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

  /** A {@code java.util} container method ({@code list.add}, {@code map.put}, {@code Optional.of}). */
  static boolean isContainer(Symbol.MethodSymbol method, VisitorState state) {
    String owner = method.owner.getQualifiedName().toString();
    return owner.startsWith("java.util.")
        && !ResourceTypes.isAutoCloseable(method.owner.type, state)
        && !owner.startsWith("java.util.concurrent.locks")
        && !owner.startsWith("java.util.stream")
        && !owner.startsWith("java.util.function")
        && !owner.startsWith("java.util.zip")
        && !owner.startsWith("java.util.jar")
        && !NOT_CONTAINERS.contains(owner);
  }

  /**
   * Whether a resource passed as argument {@code index} comes back in the result: a helper whose
   * body returns its argument, as it is or wrapped ({@code return init(createServerSocket())},
   * {@code return wrap(statement, resultSet)}), or, when the body is not being compiled, any
   * method outside the JDK whose result is a resource too (it wraps the argument, as a
   * wrapper's constructor does: {@code return Lines.iterator(in, charset)}).
   */
  static boolean returnsArgumentIn(
      Symbol.MethodSymbol method, int index, Type result, VisitorState state, Settings settings) {
    if (isJdk(method.owner.getQualifiedName().toString())) {
      return false;
    }
    Callees.Summary summary = Callees.of(method, state, settings);
    if (summary != null) {
      return summary.returns(Math.min(index, Math.max(0, method.getParameters().size() - 1)));
    }
    return ResourceTypes.isAutoCloseable(result, state);
  }

  /** Whether an exception from {@code method} leaves its receiver closed ({@code Socket.connect}). */
  static boolean closesReceiverOnFailure(Symbol.MethodSymbol method, VisitorState state) {
    for (Map.Entry<String, Set<String>> entry : CLOSES_RECEIVER_ON_FAILURE.entrySet()) {
      if (entry.getValue().contains(method.getSimpleName().toString())
          && ResourceTypes.isNamed(method.owner.type, entry.getKey(), state)) {
        return true;
      }
    }
    return false;
  }

  static boolean isJdk(String qualifiedName) {
    return qualifiedName.startsWith("java.")
        || qualifiedName.startsWith("javax.")
        || qualifiedName.startsWith("jdk.")
        || qualifiedName.startsWith("sun.")
        || qualifiedName.startsWith("com.sun.");
  }

  private static boolean isFactoryName(String name) {
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

  /** {@code Objects.requireNonNull(x)}: the argument comes back, still the caller's. */
  static boolean returnsArgumentUnchanged(Symbol.MethodSymbol method) {
    return returnsArgument(method)
        && CHECKING_OWNERS.contains(method.owner.getQualifiedName().toString());
  }

  /**
   * Whether the caller must close the {@code result} of calling {@code method}, decided per
   * method: {@code @MustClose}/{@code @MustBeClosed} on the method (or {@code @Borrowed}, which
   * says no), a method named in {@code -XepOpt:UnclosedResource:FactoryMethods}, a {@code
   * java.nio.file.Files} factory, a JDK getter known to return a fresh resource ({@code
   * URLConnection.getInputStream}, {@code ZipFile.getInputStream}, {@code DataSource.getConnection},
   * ...), the callee's body when it is being compiled (it returns a resource it created, not a
   * field), a lifecycle or {@code @MustClose} type from a method not named {@code get...}, or a name that says it creates
   * ({@code open}, {@code new}, {@code create}, {@code prepare}, {@code acquire}, {@code accept},
   * ...). Other getters ({@code socket.getInputStream()}, {@code statement.getConnection()})
   * return borrowed views.
   */
  static boolean isFactory(
      Symbol.MethodSymbol method, Type result, VisitorState state, Settings settings) {
    if (ASTHelpers.hasAnnotation(method, ResourceTypes.MUST_CLOSE, state)
        || ASTHelpers.hasAnnotation(method, ResourceTypes.MUST_BE_CLOSED, state)) {
      return true;
    }
    if (hasBorrowedAnnotation(method)) {
      return false;
    }
    String owner = method.owner.getQualifiedName().toString();
    String name = method.getSimpleName().toString();
    if (owner.equals(LEASE) && name.equals("value")) {
      return false; // the registry owns the value; the caller closes the lease
    }
    if (settings.isFactoryMethod(owner, name)) {
      return true;
    }
    if (returnsArgument(method)
        || (!ResourceTypes.isResource(result, state, settings)
            && !ResourceTypes.isResourceResult(method, result, state))) {
      return false; // scope.own(x) hands x back; it creates nothing
    }
    if (owner.equals("java.nio.file.Files")) {
      return true;
    }
    if (ResourceTypes.isNamed(result, ResourceTypes.SCOPE, state)) {
      return isScopeMethod(method, "open", state) || (name.startsWith("open") && method.isStatic());
    }
    for (Map.Entry<String, Set<String>> entry : FRESH_JDK_GETTERS.entrySet()) {
      if (entry.getValue().contains(name)
          && ResourceTypes.isNamed(method.owner.type, entry.getKey(), state)) {
        return true; // the JDK contract holds for implementations too (a tracked DataSource)
      }
    }
    if (isJdk(owner)) {
      return isFactoryName(name);
    }
    Callees.Summary summary = Callees.of(method, state, settings);
    if (summary != null) {
      // A private helper shares invariants with its callers that a path-insensitive analysis
      // cannot see (a null result exactly when the caller later throws): its name decides.
      if (summary.returnsFresh() && !method.isPrivate()) {
        return true;
      }
      if (summary.returnsKept() || !summary.returned().isEmpty()) {
        return false; // an accessor, a fluent method, a helper that hands its argument back
      }
      return isFactoryName(name); // the body shows no fresh result: only the name is left
    }
    if (isMustCloseType(result, state) && !name.startsWith("get")) {
      return true;
    }
    return isFactoryName(name);
  }

  /** {@code @Borrowed} on a method: its result belongs to somebody else. */
  private static boolean hasBorrowedAnnotation(Symbol.MethodSymbol method) {
    for (com.sun.tools.javac.code.Attribute.Compound annotation : method.getRawAttributes()) {
      if (annotation.type.tsym.getQualifiedName().contentEquals(ResourceTypes.BORROWED)) {
        return true;
      }
    }
    return false;
  }

  /** JDBC result sets: closing the statement closes them. */
  static boolean isDependentResult(Symbol.MethodSymbol method) {
    return DEPENDENT_RESULTS.contains(method.getSimpleName().toString());
  }

  /** lifecycle's own resource types and types annotated {@code @MustClose}. */
  private static boolean isMustCloseType(Type type, VisitorState state) {
    for (String name : ResourceTypes.LIFECYCLE_TYPES) {
      if (ResourceTypes.isNamed(type, name, state)) {
        return true;
      }
    }
    return type.tsym != null && ASTHelpers.hasAnnotation(type.tsym, ResourceTypes.MUST_CLOSE, state);
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
