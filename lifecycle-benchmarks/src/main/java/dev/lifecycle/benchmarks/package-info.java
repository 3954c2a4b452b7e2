/**
 * JMH benchmarks of lifecycle's hot paths, each next to the peer a user would pick instead.
 *
 * <p>Run with {@code java -jar lifecycle-benchmarks/target/benchmarks.jar} after {@code mvn
 * verify}; results are recorded as ratios in {@code BENCHMARKS.md}.
 */
@NullMarked
package dev.lifecycle.benchmarks;

import org.jspecify.annotations.NullMarked;
