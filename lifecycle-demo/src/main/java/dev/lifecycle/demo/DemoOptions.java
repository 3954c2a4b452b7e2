package dev.lifecycle.demo;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What the command line asked for, as the scenarios read it. */
record DemoOptions(boolean quick, @Nullable String jdbcUrl) {
  /** Scales a full run's duration down for {@code --quick}. */
  Duration scaled(Duration full, Duration quickRun) {
    return quick ? quickRun : full;
  }

  long sampleMillis() {
    return quick ? 100 : 200;
  }
}
