package dev.lifecycle.core;

/**
 * The counters of a {@link BoundedRegistry} at one moment.
 *
 * @param size values open now: in the registry, being created, or removed but still leased or
 *     closing; never more than the capacity
 * @param leased values with at least one open lease (values being created included)
 * @param hits acquires that found their value
 * @param misses acquires that created their value
 * @param evictions values removed for room or after the idle timeout
 * @param waits acquires that waited because every value was leased at capacity
 * @param timeouts acquires that gave up at capacity ({@link BoundedRegistry.WhenFull}), or waiting
 *     for a value another thread was creating
 */
public record RegistryStats(
    int size, int leased, long hits, long misses, long evictions, long waits, long timeouts) {}
