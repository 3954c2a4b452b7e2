package dev.lifecycle.errorprone;

import static com.google.errorprone.suppliers.Suppliers.typeFromString;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.List;

/** Which types hold a resource that somebody must close. Shared by the checks of this package. */
final class ResourceTypes {
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
          typeFromString("java.util.Formatter"));

  private ResourceTypes() {}

  /**
   * Whether a value of {@code type} must be closed: it is an {@code AutoCloseable} that holds
   * something, and not a {@code java.util.stream} pipeline (which holds a resource only when a
   * factory such as {@code Files.lines} says so; see {@link #isResourceResult}).
   */
  static boolean isResource(Type type, VisitorState state) {
    if (!isSubtype(type, AUTO_CLOSEABLE, state) || isSubtype(type, BASE_STREAM, state)) {
      return false;
    }
    for (Supplier<Type> free : RESOURCE_FREE) {
      if (isSubtype(type, free, state)) {
        return false;
      }
    }
    return true;
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

  private static boolean isSubtype(Type type, Supplier<Type> supertype, VisitorState state) {
    Type resolved = supertype.get(state);
    return resolved != null && ASTHelpers.isSubtype(type, resolved, state);
  }
}
