package dev.lifecycle.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** {@link TrackingBenchmark} on two threads: what a shared lock would cost shows up here. */
@Threads(2)
public class Tracking2Benchmark extends TrackingBenchmark {}
