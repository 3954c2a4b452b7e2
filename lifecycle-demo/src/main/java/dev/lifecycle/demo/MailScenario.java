package dev.lifecycle.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * accounting-drift, the mail sender: four providers on loopback, each allowing four connections at
 * once; the biggest answers "451 try again later" now and then. The hand-written counter drifts on
 * that failure path until the sender stops sending to the biggest provider; with KeyedPermits it
 * keeps draining.
 */
final class MailScenario implements Scenario {
  @Override
  public String name() {
    return "accounting-drift";
  }

  @Override
  public String title() {
    return "Mail sender: per-destination connection accounting drifts, the queue and the heap grow";
  }

  @Override
  public String outage() {
    return "A mail sender lost track of its concurrent connections per provider: it believed it had open"
        + " connections to the biggest one when it had none, so it sent almost nothing there; 600k of 900k queued"
        + " messages waited for it, each carrying extra per-recipient data, until the sender ran out of memory"
        + " and restarted, again and again.";
  }

  @Override
  public String unprotectedStory() {
    return "A map of in-flight deliveries per destination: incremented before a delivery, decremented after"
        + " it on the success path only. A 4xx answer skips the decrement. Every message carries 48 KB of"
        + " per-recipient data (both runs).";
  }

  @Override
  public String protectedStory() {
    return "KeyedPermits (perKeyLimit 4): one Permit per delivery in try-with-resources, released exactly once"
        + " on every path; inUse(key) is the real count and audit() recounts it at the end.";
  }

  @Override
  public List<Chart> charts() {
    return List.of(new Chart("queuedBig", "Messages queued for " + MailSender.BIG, "messages", 1),
        new Chart("heapKb", "Sender heap after GC", "MB", 1024),
        new Chart("believedBig", "Connections to " + MailSender.BIG + " the sender believes it has", "connections", 1),
        new Chart("connectionsBig", "Connections " + MailSender.BIG + " really has from the sender", "connections", 1),
        new Chart("sentBig", "Messages delivered to " + MailSender.BIG + " (cumulative)", "messages", 1),
        new Chart("fds", "Open file descriptors of the sender", "FDs", 1));
  }

  @Override
  public void run(Variant variant, DemoOptions options, RunRecord record, Status status) throws Exception {
    long duration = options.quick() ? 4_000 : 15_000;
    Settings settings = new Settings().put("sampleMillis", options.sampleMillis()).put("durationMillis", duration)
        .put("messagesPerTick", 2);
    List<String> args = new ArrayList<>(List.of(name(), variant.label()));
    args.addAll(settings.toArgs());
    SelfDriven.run(args, "512m", Map.of(), duration, record, status, r -> String.format(Locale.ROOT,
        "queued %,6.0f  believed %s %.0f  sent %,.0f", r.series("queued").last(), MailSender.BIG,
        r.series("believedBig").last(), r.series("sent").last()));
  }

  @Override
  public List<Row> rows(RunRecord u, RunRecord p) {
    return List.of(
        new Row("messages delivered to " + MailSender.BIG, Format.count(u.numberOr("sentBig", 0)),
            Format.count(p.numberOr("sentBig", 0))),
        new Row("messages delivered, all providers", Format.count(u.numberOr("sent", 0)),
            Format.count(p.numberOr("sent", 0))),
        new Row("queued for " + MailSender.BIG + " at the end", Format.count(u.numberOr("queuedBig", 0)),
            Format.count(p.numberOr("queuedBig", 0))),
        new Row("connections to " + MailSender.BIG + ": believed / real", connections(u), connections(p)),
        new Row("heap after GC: peak", Format.mb(u.series("heapKb").max()), Format.mb(p.series("heapKb").max())),
        new Row("open FDs, peak", Format.count(u.series("fds").max()), Format.count(p.series("fds").max())),
        new Row("time to detection", "never: the counter is the only witness", detected(p)),
        new Row("accounting audit", String.valueOf(u.text("audit")), String.valueOf(p.text("audit"))));
  }

  private static String connections(RunRecord r) {
    return Format.count(r.numberOr("believedBig", 0)) + " / " + Format.count(r.numberOr("connectionsBig", 0));
  }

  private static String detected(RunRecord p) {
    return p.numberOr("auditClean", 0) == 1 ? "nothing to detect: the permits cannot drift" : "audit found a drift";
  }
}
