package dev.lifecycle.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** {@link TrackingBenchmark} on one thread. */
@Threads(1)
public class Tracking1Benchmark extends TrackingBenchmark {}
