package dev.lifecycle.demo;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The postmortem's accounting: a hand-written per-destination counter, incremented before a
 * delivery and decremented after it, on the success path only. Every 4xx answer leaks one count;
 * after four, the sender believes it has four connections to the provider and never sends to it
 * again, while the queue (and the heap) grows.
 */
final class CountingMailSender extends MailSender {
  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

  @Override
  boolean dispatch(String destination, Message message) {
    if (inFlight.getOrDefault(destination, 0) >= PER_DESTINATION_LIMIT) {
      return false;
    }
    inFlight.merge(destination, 1, Integer::sum);
    pool.execute(() -> {
      try {
        deliver(message);
        inFlight.merge(destination, -1, Integer::sum); // the bug: not reached when deliver throws
      } catch (IOException | DeliveryException e) {
        requeue(message);
      }
    });
    return true;
  }

  @Override
  long believed(String destination) {
    return inFlight.getOrDefault(destination, 0);
  }

  @Override
  public void finish(Wire wire) {
    super.finish(wire);
    wire.text("audit", "no audit: the counter says " + believed(BIG) + " open to " + BIG);
  }
}
