package dev.lifecycle.proptest;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Renders generated values for failure messages. */
final class Values {
  private Values() {}

  /** Strings quoted, characters in single quotes, arrays by content, the rest by toString. */
  static String show(@Nullable Object value) {
    if (value instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
    if (value instanceof Character c) {
      return "'" + c + "'";
    }
    if (value instanceof Object[] array) {
      return Arrays.deepToString(array);
    }
    if (value instanceof int[] array) {
      return Arrays.toString(array);
    }
    if (value instanceof long[] array) {
      return Arrays.toString(array);
    }
    return String.valueOf(value);
  }
}
