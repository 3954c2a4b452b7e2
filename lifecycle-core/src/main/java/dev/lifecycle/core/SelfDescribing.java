package dev.lifecycle.core;

import org.jspecify.annotations.Nullable;

/**
 * A raw resource that describes itself only when a leak report or a snapshot needs it, so that
 * tracking it costs no text on the hot path (a permit names its key this way). Used when its
 * wrapper was tracked without a description.
 */
interface SelfDescribing {
  /** What a report shows as the resource's description (masked on the way out); never throws. */
  @Nullable String describe();
}
