/**
 * Property and stateful testing on JUnit Jupiter: {@link dev.lifecycle.proptest.Gen generators},
 * {@link dev.lifecycle.proptest.Property value properties}, {@link dev.lifecycle.proptest.Stateful
 * stateful properties} over a model, and the {@link dev.lifecycle.proptest.PropertyTest}
 * annotation.
 *
 * <p>Every run is driven by one seed, so a failure is reproduced exactly from the seed it reports.
 * Shrinking is integrated: it works on the random choices a generator made, so mapped, filtered and
 * combined generators shrink without a shrinker of their own.
 *
 * <p>Every type here is null-marked: parameters and results are non-null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package dev.lifecycle.proptest;

import org.jspecify.annotations.NullMarked;
