package dev.lifecycle.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Values of the annotated type, or results of the annotated method, hold a resource and must be
 * closed on every path by whoever receives them (or handed to an owner).
 *
 * <p>Use it on types that are not {@code AutoCloseable} themselves but must be released, or on
 * factory methods whose result the compiler would otherwise not know to check. The lifecycle Error
 * Prone checks read this annotation; it has no run-time effect.
 *
 * @see Owning
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MustClose {}
