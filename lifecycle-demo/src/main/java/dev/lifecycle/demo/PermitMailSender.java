package dev.lifecycle.demo;

import dev.lifecycle.core.KeyedPermits;
import dev.lifecycle.core.Permit;
import dev.lifecycle.core.PermitAudit;
import java.io.IOException;

/**
 * The mail sender with lifecycle: a {@link KeyedPermits} permit per delivery, closed by
 * try-with-resources on every path (a 4xx answer included), so the per-destination count cannot
 * drift, and {@link KeyedPermits#audit()} recounts it at the end.
 *
 * <p>The seam for lifecycle-netty: its ClientConnectionBudget gives the same permits per
 * destination to a Netty client.
 */
final class PermitMailSender extends MailSender {
  private final KeyedPermits<String> permits =
      KeyedPermits.<String>newBuilder().perKeyLimit(PER_DESTINATION_LIMIT).build();

  @Override
  boolean dispatch(String destination, Message message) {
    Permit permit = permits.tryAcquire(destination);
    if (permit == null) {
      return false;
    }
    pool.execute(() -> {
      try (permit) {
        deliver(message);
      } catch (IOException | DeliveryException e) {
        requeue(message);
      }
    });
    return true;
  }

  @Override
  long believed(String destination) {
    return permits.inUse(destination);
  }

  @Override
  public void finish(Wire wire) {
    super.finish(wire);
    PermitAudit audit = permits.audit();
    wire.number("auditClean", audit.isClean() ? 1 : 0);
    wire.text("audit", (audit.isClean() ? "clean" : "NOT clean") + ": " + audit.inUse() + " permits counted, "
        + audit.recounted() + " recounted");
  }
}
