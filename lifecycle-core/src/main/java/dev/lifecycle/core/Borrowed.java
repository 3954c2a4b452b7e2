package dev.lifecycle.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated parameter or field uses a resource that somebody else owns: the receiver must not
 * close it, and the caller stays responsible for closing it.
 *
 * <p>This is the default for parameters; say it where a reader could think otherwise (a
 * constructor that keeps the value in a field, say). The lifecycle Error Prone checks read this
 * annotation; it has no run-time effect.
 *
 * @see Owning
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface Borrowed {}
