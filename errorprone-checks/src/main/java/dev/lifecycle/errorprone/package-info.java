/**
 * Error Prone checks for resources that are not closed and for mistakes in who owns them.
 *
 * <p>Put this artifact on the compiler's annotation processor path next to Error Prone; every
 * check is registered for the service loader and can be turned off or down with {@code -Xep:Name:OFF}
 * or {@code @SuppressWarnings("Name")}. Each check has a page in {@code docs/}.
 */
@NullMarked
package dev.lifecycle.errorprone;

import org.jspecify.annotations.NullMarked;
