package dev.lifecycle.testing;

import dev.lifecycle.core.internal.UserCode;
import org.jspecify.annotations.Nullable;

/** User values in messages, through core's one path: a masked {@code toString()} that never throws. */
final class Texts {
  private Texts() {}

  static String describe(@Nullable Object value) {
    return UserCode.describe(value);
  }
}
