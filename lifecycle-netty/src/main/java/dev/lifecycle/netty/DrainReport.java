package dev.lifecycle.netty;

import java.time.Duration;

/**
 * What a {@linkplain ConnectionGovernor#drain graceful drain} did.
 *
 * @param open the channels open when the drain began
 * @param forced the channels still open at the deadline, closed with a reset
 * @param took from the start of the drain until every channel was closed
 */
public record DrainReport(int open, int forced, Duration took) {}
