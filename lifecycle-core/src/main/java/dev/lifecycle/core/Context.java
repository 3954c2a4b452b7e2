package dev.lifecycle.core;

import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * What a handle knows about its resource besides the raw resource and its creation time: kind,
 * stripe, creating thread, and the optional owner, description, allocation site and access log.
 *
 * <p>Immutable but for {@link #countdown}. Most resources share the per-thread, per-kind context,
 * so that tracking an unsampled resource allocates nothing but its handle.
 */
final class Context {
  final ResourceKind kind;
  final Stripe stripe;
  final String thread;
  final @Nullable String owner;
  final @Nullable String description;
  final @Nullable Throwable site;
  final @Nullable AccessLog access;

  /** The wrapper's class name when {@link #site} is set: its frames are left out of reports. */
  final @Nullable String wrapperClass;

  /** Resources left before the next sampled one; used only on the per-thread context, by its thread. */
  int countdown;

  Context(
      ResourceKind kind,
      Stripe stripe,
      String thread,
      @Nullable String owner,
      @Nullable String description,
      @Nullable Throwable site,
      @Nullable AccessLog access,
      @Nullable String wrapperClass) {
    this.kind = kind;
    this.stripe = stripe;
    this.thread = thread;
    this.owner = owner;
    this.description = description;
    this.site = site;
    this.access = access;
    this.wrapperClass = wrapperClass;
  }

  /** The shared context of the calling thread for {@code kind}. */
  static Context forCurrentThread(ResourceKind kind) {
    Thread thread = Thread.currentThread();
    Context context =
        new Context(
            kind, kind.tracker.stripeFor(thread), thread.getName(), null, null, null, null, null);
    context.countdown = nextCountdown(kind.tracker.samplingInterval);
    return context;
  }

  /** A countdown with mean {@code interval}, so that sampling does not alias with a loop. */
  static int nextCountdown(int interval) {
    return interval <= 1 ? 1 : 1 + ThreadLocalRandom.current().nextInt(2 * interval - 1);
  }

  Context with(
      @Nullable String description,
      @Nullable Throwable site,
      @Nullable AccessLog access,
      @Nullable String wrapperClass) {
    return new Context(kind, stripe, thread, owner, description, site, access, wrapperClass);
  }

  Context withOwner(@Nullable String newOwner) {
    return new Context(kind, stripe, thread, newOwner, description, site, access, wrapperClass);
  }
}
