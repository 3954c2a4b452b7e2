/**
 * The public API of lifecycle-core: who owns a resource, who closes it, and what happens when nobody
 * does.
 *
 * <p>Every type here is null-marked: parameters and results are non-null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package dev.lifecycle.core;

import org.jspecify.annotations.NullMarked;
