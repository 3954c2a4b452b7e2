package dev.lifecycle.core;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one masking path of the library: every report, log line, snapshot and exception message that
 * may carry user text (a URL, a resource description, a scope name, a {@code toString()}) goes
 * through {@link #mask(String)} before anyone sees it. Use it for your own listeners' output too.
 *
 * <p>Stateless and thread-safe.
 */
public final class Masking {
  /** What a masked secret is replaced with. */
  public static final String MASK = "***";

  /** {@code scheme://user:password@host}: the user info, up to the last {@code @} of the authority. */
  private static final Pattern URL_USER_INFO =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@\\s]+@");

  /** {@code password=secret} and its relatives, in query strings, properties and JDBC URLs. */
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)\\s*[=:]\\s*)"
              + "(?:\"[^\"]*\"|'[^']*'|[^&;,\\s)]+)",
          Pattern.CASE_INSENSITIVE);

  private Masking() {}

  /** {@code text} with credentials (user info in URLs, {@code password=}-like values) replaced by {@value #MASK}. */
  public static String mask(String text) {
    String masked = URL_USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
    return SECRET_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
  }

  /** {@link #mask(String)}, keeping null. */
  public static @Nullable String maskOrNull(@Nullable String text) {
    return text == null ? null : mask(text);
  }
}
