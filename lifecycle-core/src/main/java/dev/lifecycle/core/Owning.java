package dev.lifecycle.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated parameter or field takes ownership of the resource it receives: from then on, the
 * receiver must close it, and the caller must not use or close it again.
 *
 * <p>On a parameter, passing a resource to it ends the caller's responsibility, so the caller is
 * not told that it leaked. On a field, the enclosing class owns the value and its {@code close()}
 * must close it. The lifecycle Error Prone checks read this annotation; it has no run-time effect.
 *
 * @see Borrowed
 * @see MustClose
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface Owning {}
