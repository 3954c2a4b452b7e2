/**
 * lifecycle-jdbc: tracked JDBC wrappers, per-request sessions and a bounded per-database registry.
 *
 * <p>Only {@code dev.lifecycle.jdbc} is exported; implementation classes are package-private.
 */
module dev.lifecycle.jdbc {
  requires transitive dev.lifecycle.core;
  requires transitive java.sql;
  requires java.management; // the per-data-source MXBean
  requires static transitive org.jspecify;
  requires static com.google.errorprone.annotations;

  exports dev.lifecycle.jdbc;
}
