/**
 * Test helpers for code that uses lifecycle: {@link dev.lifecycle.testing.LeakChecked} tests,
 * {@link dev.lifecycle.testing.LifecycleActions} for stateful properties, {@link
 * dev.lifecycle.testing.Faults} injection, {@link dev.lifecycle.testing.LifecycleAssertions} and the
 * {@link dev.lifecycle.testing.TrackedResourceContract}.
 */
@NullMarked
package dev.lifecycle.testing;

import org.jspecify.annotations.NullMarked;
