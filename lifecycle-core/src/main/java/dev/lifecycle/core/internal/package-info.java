/**
 * Implementation of lifecycle-core. Not exported: nothing here is API, and it may change in any
 * release.
 */
@NullMarked
package dev.lifecycle.core.internal;

import org.jspecify.annotations.NullMarked;
