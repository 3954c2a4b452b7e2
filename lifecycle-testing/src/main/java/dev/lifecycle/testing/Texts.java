package dev.lifecycle.testing;

import dev.lifecycle.core.Masking;
import org.jspecify.annotations.Nullable;

/** User values in messages: a masked {@code toString()} that never throws. */
final class Texts {
  private Texts() {}

  static String describe(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    String text;
    try {
      text = value.toString();
    } catch (RuntimeException | StackOverflowError e) { // a broken toString must not hide the failure
      text = null;
    }
    return text == null
        ? value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value))
        : Masking.mask(text);
  }
}
