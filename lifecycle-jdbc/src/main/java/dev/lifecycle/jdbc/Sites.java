package dev.lifecycle.jdbc;

import java.util.List;
import java.util.Set;

/**
 * Where a connection or a session was opened: the caller's frames, up to {@link #FRAMES}, taken
 * with a {@link StackWalker} so that the cost stays small next to borrowing a connection.
 */
final class Sites {
  static final int FRAMES = 12;

  /** The library's own classes: their frames are skipped, so a site starts at the user's call. */
  private static final Set<String> LIBRARY =
      Set.of(
          "dev.lifecycle.jdbc.TrackedDataSource",
          "dev.lifecycle.jdbc.ConnectionRecord",
          "dev.lifecycle.jdbc.JdbcConnection",
          "dev.lifecycle.jdbc.JdbcChild",
          "dev.lifecycle.jdbc.JdbcStatement",
          "dev.lifecycle.jdbc.JdbcPreparedStatement",
          "dev.lifecycle.jdbc.JdbcCallableStatement",
          "dev.lifecycle.jdbc.JdbcResultSet",
          "dev.lifecycle.jdbc.JdbcMetaData",
          "dev.lifecycle.jdbc.Sites",
          "dev.lifecycle.jdbc.Session",
          "dev.lifecycle.jdbc.SessionState",
          "dev.lifecycle.jdbc.SessionFactory",
          "dev.lifecycle.jdbc.DataSourceRegistry");

  private static final StackWalker WALKER = StackWalker.getInstance();

  private Sites() {}

  /** The calling thread's frames outside the library, innermost first. */
  static List<StackTraceElement> capture() {
    return WALKER.walk(
        frames ->
            frames
                .dropWhile(frame -> isLibrary(frame.getClassName()))
                .limit(FRAMES)
                .map(StackWalker.StackFrame::toStackTraceElement)
                .toList());
  }

  private static boolean isLibrary(String className) {
    int nested = className.indexOf('$');
    return LIBRARY.contains(nested < 0 ? className : className.substring(0, nested));
  }

  /** {@code Class.method(File.java:12)}, or {@code "an unknown site"}. */
  static String first(List<StackTraceElement> site) {
    for (StackTraceElement frame : site) {
      if (!frame.getMethodName().equals("<init>")) {
        return frame(frame);
      }
    }
    return site.isEmpty() ? "an unknown site" : frame(site.get(0));
  }

  static String frame(StackTraceElement frame) {
    String file = frame.getFileName();
    int line = frame.getLineNumber();
    return frame.getClassName()
        + "."
        + frame.getMethodName()
        + "("
        + (file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file)
        + ")";
  }
}
