package dev.lifecycle.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The report: one self-contained HTML file (Chart.js inlined, the data as JSON), with per scenario
 * the story, the table and line charts of each figure over time, unprotected against protected.
 */
final class HtmlReport {
  static final String FILE = "lifecycle-demo-report.html";
  static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
  private static final int MAX_POINTS = 400;

  private HtmlReport() {}

  /** Writes the report into {@code dir}; returns its path. */
  static Path write(Path dir, List<ScenarioResult> results, DemoOptions options) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    Files.writeString(file, render(results, options), StandardCharsets.UTF_8);
    return file;
  }

  static String render(List<ScenarioResult> results, DemoOptions options) {
    StringBuilder html = new StringBuilder(300_000);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>lifecycle demo: four outages, replayed</title>\n<style>\n").append(CSS).append("</style>\n")
        .append("<script>").append(chartJs()).append("</script>\n</head><body>\n")
        .append("<header><h1>lifecycle: four outages, replayed</h1>\n<p>Each scenario runs a postmortem's code twice on")
        .append(" this machine, against real sockets on 127.0.0.1 and a real database, each run in a JVM of its own:")
        .append(" once <b class=\"u\">as it was written</b>, once <b class=\"p\">with lifecycle</b>, side by side.</p>\n")
        .append("<p class=\"meta\">").append(esc(options.quick() ? "--quick run" : "full run")).append(", ")
        .append(esc(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())).append(", Java ")
        .append(esc(System.getProperty("java.version"))).append(", ").append(esc(System.getProperty("os.name")))
        .append(' ').append(esc(System.getProperty("os.arch"))).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores</p>\n<nav>");
    for (ScenarioResult r : results) {
      html.append("<a href=\"#").append(esc(r.scenario().name())).append("\">").append(esc(r.scenario().name()))
          .append("</a> ");
    }
    html.append("</nav></header>\n");
    StringBuilder data = new StringBuilder("[");
    int chartId = 0;
    for (ScenarioResult r : results) {
      Scenario s = r.scenario();
      html.append("<section id=\"").append(esc(s.name())).append("\" class=\"scenario\">\n<h2>")
          .append(esc(s.name())).append(": ").append(esc(s.title())).append("</h2>\n<p class=\"outage\">")
          .append(esc(s.outage())).append("</p>\n<div class=\"stories\"><div class=\"story u\"><h3>unprotected: ")
          .append(esc(Variant.UNPROTECTED.caption())).append("</h3><p>").append(esc(s.unprotectedStory()))
          .append("</p></div><div class=\"story p\"><h3>protected: ").append(esc(Variant.PROTECTED.caption()))
          .append("</h3><p>").append(esc(s.protectedStory())).append("</p></div></div>\n");
      if (r.skipped()) {
        String why = r.unprotected().skipped() != null ? r.unprotected().skipped() : r.protectedRun().skipped();
        html.append("<p class=\"skipped\">Skipped here: ").append(esc(String.valueOf(why))).append("</p></section>\n");
        continue;
      }
      html.append("<table><thead><tr><th></th><th class=\"u\">unprotected</th><th class=\"p\">protected</th></tr></thead><tbody>\n");
      for (Scenario.Row row : r.rows()) {
        html.append("<tr><td>").append(esc(row.label())).append("</td><td>").append(esc(row.unprotected()))
            .append("</td><td>").append(esc(row.protectedRun())).append("</td></tr>\n");
      }
      html.append("</tbody></table>\n<div class=\"charts\">\n");
      String markers = markers(s.markers(r.unprotected(), r.protectedRun()));
      for (Scenario.Chart chart : s.charts()) {
        String id = "chart-" + chartId++;
        html.append("<figure><canvas id=\"").append(id).append("\" data-series=\"").append(esc(chart.series()))
            .append("\"></canvas></figure>\n");
        if (data.length() > 1) {
          data.append(',');
        }
        data.append("{\"id\":").append(json(id)).append(",\"scenario\":").append(json(s.name()))
            .append(",\"series\":").append(json(chart.series())).append(",\"title\":").append(json(chart.title()))
            .append(",\"unit\":").append(json(chart.unit())).append(",\"unprotected\":")
            .append(points(r.unprotected(), chart)).append(",\"protected\":").append(points(r.protectedRun(), chart))
            .append(",\"markers\":").append(markers).append('}');
      }
      html.append("</div>\n");
      appendEvents(html, r.unprotected());
      appendEvents(html, r.protectedRun());
      html.append("</section>\n");
    }
    data.append(']');
    html.append("<footer>Made by <code>lifecycle-demo</code>. Charts: Chart.js 4.4.1, inlined.</footer>\n")
        .append("<script type=\"application/json\" id=\"demo-data\">").append(data.toString().replace("</", "<\\/"))
        .append("</script>\n<script>").append(DRAW).append("</script>\n</body></html>\n");
    return html.toString();
  }

  private static void appendEvents(StringBuilder html, RunRecord record) {
    List<RunRecord.Event> events = record.events();
    if (events.isEmpty()) {
      return;
    }
    String cls = record.variant() == Variant.PROTECTED ? "p" : "u";
    html.append("<details class=\"events ").append(cls).append("\"><summary>").append(record.variant().label())
        .append(": ").append(events.size()).append(events.size() == 1 ? " event" : " events").append("</summary>\n");
    for (RunRecord.Event e : events.subList(0, Math.min(events.size(), 20))) {
      html.append("<pre>").append(String.format(Locale.ROOT, "%6.2f s  ", e.seconds())).append(esc(e.text()))
          .append("</pre>\n");
    }
    html.append("</details>\n");
  }

  /** The moments to mark, as JSON: {@code [{"x":seconds,"label":"...","run":"u"|"p"}]}. */
  private static String markers(List<Scenario.Marker> markers) {
    StringBuilder out = new StringBuilder("[");
    for (Scenario.Marker m : markers) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(String.format(Locale.ROOT, "{\"x\":%.3f,\"label\":", m.seconds())).append(json(m.label()))
          .append(",\"run\":\"").append(m.variant() == Variant.PROTECTED ? 'p' : 'u').append("\"}");
    }
    return out.append(']').toString();
  }

  private static String points(RunRecord record, Scenario.Chart chart) {
    List<Series.Point> points = record.hasSeries(chart.series()) ? record.series(chart.series()).points() : List.of();
    int step = Math.max(1, (points.size() + MAX_POINTS - 1) / MAX_POINTS);
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < points.size(); i += step) {
      Series.Point p = points.get(i);
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(String.format(Locale.ROOT, "[%.3f,%.3f]", p.seconds(), p.value() / chart.divisor()));
    }
    return out.append(']').toString();
  }

  static String chartJs() {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(CHART_JS)) {
      if (in == null) {
        throw new IllegalStateException("chart.js is not on the class path: " + CHART_JS);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static final String CSS = """
      body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d232a; margin: 0; background: #f5f6f8; }
      header, section, footer { max-width: 1280px; margin: 0 auto; padding: 8px 28px; }
      header { padding-top: 20px; }
      h1 { margin: 0 0 6px; font-size: 26px; }
      h2 { font-size: 20px; margin: 18px 0 6px; }
      h3 { font-size: 14px; margin: 0 0 4px; text-transform: uppercase; letter-spacing: .04em; }
      .meta { color: #667; font-size: 13px; }
      nav a { margin-right: 14px; color: #245; }
      section.scenario { background: #fff; border: 1px solid #dde1e6; border-radius: 8px; margin-top: 18px; padding-bottom: 18px; }
      .outage { color: #444; }
      .stories { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
      .story { padding: 8px 12px; border-radius: 6px; font-size: 14px; }
      .story p { margin: 0; }
      .story.u { background: #fdf0ef; border-left: 4px solid #c0392b; }
      .story.p { background: #edf7f0; border-left: 4px solid #1e8449; }
      b.u, th.u, .events.u summary { color: #c0392b; }
      b.p, th.p, .events.p summary { color: #1e8449; }
      table { border-collapse: collapse; margin: 14px 0; min-width: 70%; font-size: 14px; }
      th, td { border-bottom: 1px solid #e3e6ea; padding: 5px 12px; text-align: left; vertical-align: top; }
      td:first-child { color: #445; }
      .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 12px 22px; }
      figure { margin: 0; height: 250px; position: relative; }
      details.events { margin-top: 10px; font-size: 13px; }
      details.events pre { white-space: pre-wrap; background: #f7f7f9; padding: 6px 8px; margin: 4px 0; border-radius: 4px; max-height: 260px; overflow: auto; }
      .skipped { background: #fff7e0; padding: 8px 12px; border-radius: 6px; }
      footer { color: #889; font-size: 12px; padding: 18px 28px 28px; }
      """;

  /**
   * Draws the charts. The marked moments are vertical dashed lines with a label, drawn by a small
   * Chart.js plugin (the documented plugin API, {@code afterDatasetsDraw}), in the colour of the
   * run they belong to.
   */
  private static final String DRAW = """
      (function () {
        const charts = JSON.parse(document.getElementById('demo-data').textContent);
        const toXY = (pts) => pts.map((p) => ({x: p[0], y: p[1]}));
        const colour = {u: '#c0392b', p: '#1e8449'};
        const moments = {
          id: 'moments',
          afterDatasetsDraw(chart, args, options) {
            const {ctx, chartArea: area, scales: {x}} = chart;
            (options.markers || []).forEach((m, i) => {
              const px = x.getPixelForValue(m.x);
              if (!(px >= area.left && px <= area.right)) {
                return;
              }
              ctx.save();
              ctx.strokeStyle = colour[m.run];
              ctx.lineWidth = 1.5;
              ctx.setLineDash([6, 4]);
              ctx.beginPath();
              ctx.moveTo(px, area.top);
              ctx.lineTo(px, area.bottom);
              ctx.stroke();
              ctx.setLineDash([]);
              ctx.font = 'bold 11px system-ui, sans-serif';
              const text = m.label;
              const w = ctx.measureText(text).width + 8;
              const left = px + w + 2 > area.right ? px - w - 2 : px + 2;
              const top = area.top + 4 + 16 * (i % 4);
              ctx.fillStyle = 'rgba(255,255,255,0.85)';
              ctx.fillRect(left, top, w, 14);
              ctx.fillStyle = colour[m.run];
              ctx.textBaseline = 'middle';
              ctx.fillText(text, left + 4, top + 7);
              ctx.restore();
            });
          }
        };
        for (const c of charts) {
          new Chart(document.getElementById(c.id), {
            type: 'line',
            plugins: [moments],
            data: {datasets: [
              {label: 'unprotected (as written)', data: toXY(c.unprotected), borderColor: '#c0392b',
               backgroundColor: '#c0392b', borderWidth: 2, pointRadius: 0, tension: 0},
              {label: 'protected (with lifecycle)', data: toXY(c.protected), borderColor: '#1e8449',
               backgroundColor: '#1e8449', borderWidth: 2, pointRadius: 0, tension: 0}]},
            options: {animation: false, responsive: true, maintainAspectRatio: false, parsing: true,
              plugins: {title: {display: true, text: c.title, font: {size: 14}}, legend: {position: 'bottom'},
                        moments: {markers: c.markers}},
              scales: {x: {type: 'linear', title: {display: true, text: 'seconds of the run'}},
                       y: {beginAtZero: true, title: {display: true, text: c.unit}}}}
          });
        }
      })();
      """;
}
