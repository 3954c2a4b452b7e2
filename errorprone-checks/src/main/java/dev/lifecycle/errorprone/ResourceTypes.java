package dev.lifecycle.errorprone;

import static com.google.errorprone.suppliers.Suppliers.typeFromString;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which types hold a resource that somebody must close. Shared by the checks of this package. */
final class ResourceTypes {
  static final String SCOPE = "dev.lifecycle.core.Scope";
  static final String OWNING = "dev.lifecycle.core.Owning";
  static final String BORROWED = "dev.lifecycle.core.Borrowed";
  static final String MUST_CLOSE = "dev.lifecycle.core.MustClose";
  static final String MUST_BE_CLOSED = "com.google.errorprone.annotations.MustBeClosed";

  /** lifecycle's own types that are resources even where a stub or an old API is not AutoCloseable. */
  static final Set<String> LIFECYCLE_TYPES =
      Set.of(SCOPE, "dev.lifecycle.core.Lease", "dev.lifecycle.core.Permit", "dev.lifecycle.jdbc.Session");

  private static final Supplier<Type> MUST_CLOSE_TYPE = typeFromString(MUST_CLOSE);
  private static final Map<String, Supplier<Type>> NAMED = new ConcurrentHashMap<>();
  private static final Supplier<Type> AUTO_CLOSEABLE = typeFromString("java.lang.AutoCloseable");
  private static final Supplier<Type> BASE_STREAM = typeFromString("java.util.stream.BaseStream");

  /** {@code AutoCloseable}s whose {@code close()} releases nothing: in-memory streams and the like. */
  private static final List<Supplier<Type>> RESOURCE_FREE =
      List.of(
          typeFromString("java.io.ByteArrayInputStream"),
          typeFromString("java.io.ByteArrayOutputStream"),
          typeFromString("java.io.CharArrayReader"),
          typeFromString("java.io.CharArrayWriter"),
          typeFromString("java.io.StringReader"),
          typeFromString("java.io.StringWriter"),
          typeFromString("java.io.StringBufferInputStream"),
          typeFromString("java.util.Formatter"),
          typeFromString("java.io.PipedInputStream"),
          typeFromString("java.io.PipedOutputStream"));

  /** Simple names of in-memory streams that projects write for themselves. */
  private static final Set<String> IN_MEMORY_NAMES =
      Set.of(
          "ByteArrayOutputStream", "ByteArrayInputStream", "UnsynchronizedByteArrayOutputStream",
          "UnsynchronizedByteArrayInputStream", "NullInputStream", "NullOutputStream",
          "NullReader", "NullWriter", "StringBuilderWriter", "CharSequenceReader",
          "CharSequenceInputStream", "ClosedInputStream", "ClosedOutputStream");

  private static final Set<String> IO_BASES =
      Set.of("java.io.InputStream", "java.io.OutputStream", "java.io.Reader", "java.io.Writer");

  private static final ThreadLocal<Map<Symbol.ClassSymbol, Boolean>> IN_MEMORY =
      ThreadLocal.withInitial(java.util.WeakHashMap::new);

  private ResourceTypes() {}

  /**
   * Whether a value of {@code type} must be closed: it is an {@code AutoCloseable} that holds
   * something, and not a {@code java.util.stream} pipeline (which holds a resource only when a
   * factory such as {@code Files.lines} says so; see {@link #isResourceResult}); or it is one of
   * lifecycle's own resource types, or a type annotated {@code @MustClose}.
   */
  static boolean isResource(Type type, VisitorState state) {
    return isResource(type, state, Settings.DEFAULT);
  }

  /** {@link #isResource(Type, VisitorState)}, with the project's extra types from the flags. */
  static boolean isResource(Type type, VisitorState state, Settings settings) {
    if (type.isPrimitiveOrVoid() || type.tsym == null) {
      return false;
    }
    if (isSubtype(type, AUTO_CLOSEABLE, state)) {
      if (isSubtype(type, BASE_STREAM, state)) {
        return false;
      }
      for (Supplier<Type> free : RESOURCE_FREE) {
        if (isSubtype(type, free, state)) {
          return false;
        }
      }
      return !isProjectInMemoryStream(type, state);
    }
    // Not AutoCloseable: only @MustClose types and the flag's types. Skip the supertype walk when
    // neither can apply (lifecycle-core is not on the classpath and the flag is empty).
    if (settings.resourceTypes().isEmpty() && MUST_CLOSE_TYPE.get(state) == null) {
      return false;
    }
    return isNamedResource(type, state, settings);
  }

  /**
   * A stream class of a project's own that holds nothing to release: named like an in-memory
   * stream ({@code ByteArrayOutputStream}, {@code NullInputStream}, ...), or a direct subclass of
   * {@code InputStream}, {@code OutputStream}, {@code Reader} or {@code Writer} that declares no
   * field of a closeable type and does not override {@code close()}. A project's other
   * {@code AutoCloseable}s (a walker, a lease, a session) are resources, whatever their close does.
   */
  private static boolean isProjectInMemoryStream(Type type, VisitorState state) {
    if (!(type.tsym instanceof Symbol.ClassSymbol cls)
        || Ownership.isJdk(cls.getQualifiedName().toString())) {
      return false;
    }
    Map<Symbol.ClassSymbol, Boolean> cache = IN_MEMORY.get();
    Boolean known = cache.get(cls);
    if (known == null) {
      known = inMemory(cls, state);
      cache.put(cls, known);
    }
    return known;
  }

  private static boolean inMemory(Symbol.ClassSymbol cls, VisitorState state) {
    if (IN_MEMORY_NAMES.contains(cls.getSimpleName().toString())) {
      return true;
    }
    Type superclass = cls.getSuperclass();
    if (superclass == null
        || superclass.tsym == null
        || !IO_BASES.contains(superclass.tsym.getQualifiedName().toString())) {
      return false;
    }
    for (Symbol member : cls.members().getSymbols()) {
      if (member instanceof Symbol.VarSymbol field
          && !field.isStatic()
          && !field.type.isPrimitive()
          && (isSubtype(field.type, AUTO_CLOSEABLE, state)
              || field.type.tsym.getQualifiedName().contentEquals("java.io.FileDescriptor"))) {
        return false;
      }
      if (member instanceof Symbol.MethodSymbol method
          && method.getSimpleName().contentEquals("close")
          && method.getParameters().isEmpty()) {
        return false;
      }
    }
    // An inner class that writes to its outer instance's stream shares that owner's resource.
    return true;
  }

  /** Scope, Lease, Permit, Session, {@code @MustClose} types and the flag's types (or subtypes). */
  private static boolean isNamedResource(Type type, VisitorState state, Settings settings) {
    for (Type t : state.getTypes().closure(type)) {
      String name = t.tsym.getQualifiedName().toString();
      if (LIFECYCLE_TYPES.contains(name) || settings.resourceTypes().contains(name)) {
        return true;
      }
      if (ASTHelpers.hasAnnotation(t.tsym, MUST_CLOSE, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the result of calling {@code method}, of type {@code type}, must be closed. Streams are
   * resources only when they come from {@code java.nio.file.Files}.
   */
  static boolean isResourceResult(Symbol.MethodSymbol method, Type type, VisitorState state) {
    if (isSubtype(type, BASE_STREAM, state)) {
      return method.owner.getQualifiedName().contentEquals("java.nio.file.Files");
    }
    return isResource(type, state);
  }

  /**
   * A constructor of a type that holds a resource only for some arguments: a {@code Scanner} over
   * a {@code String} holds nothing, one over a file does.
   */
  static boolean isInMemory(Type type, Symbol.MethodSymbol constructor, VisitorState state) {
    if (!type.tsym.getQualifiedName().contentEquals("java.util.Scanner")) {
      return false;
    }
    List<Symbol.VarSymbol> parameters = constructor.getParameters();
    return parameters.size() == 1
        && ASTHelpers.isSameType(parameters.get(0).type, state.getSymtab().stringType, state);
  }

  /** Whether {@code type} is {@code AutoCloseable} at all, resource-free types included. */
  static boolean isAutoCloseable(Type type, VisitorState state) {
    return isSubtype(type, AUTO_CLOSEABLE, state);
  }

  /** Whether {@code type} is the lifecycle type with that fully-qualified name, or a subtype. */
  static boolean isNamed(Type type, String name, VisitorState state) {
    Type named = NAMED.computeIfAbsent(name, Suppliers::typeFromString).get(state);
    return named != null && ASTHelpers.isSubtype(type, named, state);
  }

  private static boolean isSubtype(Type type, Supplier<Type> supertype, VisitorState state) {
    Type resolved = supertype.get(state);
    return resolved != null && ASTHelpers.isSubtype(type, resolved, state);
  }
}
