package dev.lifecycle.proptest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A parameter of a {@link PropertyTest} whose value is generated for each try.
 *
 * <p>{@link #value()} names a method of the test class (or a superclass), static or not, without
 * parameters, that returns the {@link Gen}. Without a name, the parameter's type picks the
 * generator: {@code int}/{@code Integer} {@link Gen#ints()}, {@code long}/{@code Long} {@link
 * Gen#longs()}, {@code boolean}/{@code Boolean} {@link Gen#booleans()}, {@code String} {@link
 * Gen#strings()}, and any enum {@link Gen#enumValues}.
 *
 * <p>Failure reports name each argument by its source name when the test class is compiled with
 * {@code -parameters} (as this project's build does); without it, by position, generator and type,
 * such as {@code arg0 (from "sizes", int) = 629}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ForAll {
  /** The name of the method that returns the generator; empty to pick one by type. */
  String value() default "";
}
