package dev.lifecycle.demo;

import java.util.ArrayList;
import java.util.List;

/** The per-scenario tables printed at the end of a run. */
final class TextTable {
  private TextTable() {}

  static String render(List<ScenarioResult> results) {
    StringBuilder out = new StringBuilder();
    for (ScenarioResult r : results) {
      out.append('\n').append(r.scenario().name()).append(": ").append(r.scenario().title()).append('\n');
      String us = r.unprotected().skipped();
      String ps = r.protectedRun().skipped();
      if (us != null || ps != null) {
        out.append("  skipped here: ").append(us != null ? us : ps).append('\n');
        continue;
      }
      List<String[]> lines = new ArrayList<>();
      lines.add(new String[] {"", Variant.UNPROTECTED.label() + " (" + Variant.UNPROTECTED.caption() + ")",
          Variant.PROTECTED.label() + " (" + Variant.PROTECTED.caption() + ")"});
      for (Scenario.Row row : r.rows()) {
        lines.add(new String[] {row.label(), row.unprotected(), row.protectedRun()});
      }
      int[] width = new int[3];
      for (String[] line : lines) {
        for (int i = 0; i < 3; i++) {
          width[i] = Math.max(width[i], line[i].length());
        }
      }
      for (int n = 0; n < lines.size(); n++) {
        String[] line = lines.get(n);
        out.append("  ").append(pad(line[0], width[0])).append(" | ").append(pad(line[1], width[1]))
            .append(" | ").append(line[2]).append('\n');
        if (n == 0) {
          out.append("  ").append("-".repeat(width[0])).append("-+-").append("-".repeat(width[1])).append("-+-")
              .append("-".repeat(width[2])).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
