package dev.lifecycle.testing;

import dev.lifecycle.core.LiveResource;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Text for failure messages: resources with their allocation stacks, durations. */
final class Describe {
  /** Frames shown per stack. */
  static final int FRAMES = 8;

  private Describe() {}

  /** One line per resource (kind, id, owner, age, thread), its allocation stack indented below. */
  static void resources(StringBuilder text, List<LiveResource> resources) {
    resources(text, resources, null);
  }

  /**
   * As {@link #resources(StringBuilder, List)}, each stack cut after its first frame in {@code
   * testClass} (the test's own line) when it has one.
   */
  static void resources(StringBuilder text, List<LiveResource> resources, @Nullable Class<?> testClass) {
    for (LiveResource resource : resources) {
      text.append("\n    ").append(resource(resource));
      frames(text, upTo(resource.allocationSite(), testClass));
    }
  }

  private static List<StackTraceElement> upTo(List<StackTraceElement> stack, @Nullable Class<?> testClass) {
    if (testClass == null) {
      return stack;
    }
    for (int i = 0; i < stack.size(); i++) {
      if (stack.get(i).getClassName().equals(testClass.getName())) {
        return stack.subList(0, i + 1);
      }
    }
    return stack;
  }

  /** {@code kind KIND, id ID[, owner O][, D], age A, opened on thread T at FRAME}. */
  static String resource(LiveResource resource) {
    StringBuilder line = new StringBuilder(resource.kind()).append(' ').append(resource.id());
    if (resource.owner() != null) {
      line.append(", owner ").append(resource.owner());
    }
    if (resource.description() != null) {
      line.append(", ").append(resource.description());
    }
    line.append(", age ").append(duration(resource.age()));
    line.append(", opened on thread ").append(resource.thread());
    StackTraceElement site = caller(resource.allocationSite());
    if (site != null) {
      line.append(" at ").append(frame(site));
    }
    return line.toString();
  }

  /** Up to {@link #FRAMES} frames, one per line, then how many were left out. */
  static void frames(StringBuilder text, List<StackTraceElement> frames) {
    int shown = Math.min(FRAMES, frames.size());
    for (int i = 0; i < shown; i++) {
      text.append("\n        at ").append(frame(frames.get(i)));
    }
    if (frames.size() > shown) {
      text.append("\n        ... ").append(frames.size() - shown).append(" more");
    }
  }

  /** The first frame that is not a constructor: the line that opened the resource. */
  static @Nullable StackTraceElement caller(List<StackTraceElement> stack) {
    for (StackTraceElement frame : stack) {
      if (!frame.getMethodName().equals("<init>")) {
        return frame;
      }
    }
    return stack.isEmpty() ? null : stack.get(0);
  }

  /** {@code Class.method(File.java:12)}. */
  static String frame(StackTraceElement frame) {
    String file = frame.getFileName();
    String where =
        file == null
            ? "Unknown Source"
            : frame.getLineNumber() >= 0 ? file + ":" + frame.getLineNumber() : file;
    return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
  }

  /** {@code 12 ms}, {@code 2 s}, {@code 1.5 s}. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
