/**
 * The public API of lifecycle-jdbc: JDBC resources whose lifetimes are explicit, checked and
 * observable.
 *
 * <ul>
 *   <li>{@link dev.lifecycle.jdbc.TrackedDataSource}: wraps any {@code DataSource} (a driver's, or a
 *       pool); its connections, statements and result sets are tracked wrappers.
 *   <li>{@link dev.lifecycle.jdbc.Session} and {@link dev.lifecycle.jdbc.SessionFactory}: the
 *       per-request unit of work, owned by a {@code Scope}.
 *   <li>{@link dev.lifecycle.jdbc.DataSourceRegistry}: a bounded registry of per-database data
 *       sources that closes what it evicts, after its last session.
 * </ul>
 *
 * <p>Every type here is null-marked: parameters and results are non-null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package dev.lifecycle.jdbc;

import org.jspecify.annotations.NullMarked;
