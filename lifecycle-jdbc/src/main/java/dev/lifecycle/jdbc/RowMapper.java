package dev.lifecycle.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps the current row of a result set to a value, for {@link Session#query}.
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
public interface RowMapper<T> {
  /** The value of the current row; must not move the cursor or close the result set. */
  T map(ResultSet row) throws SQLException;
}
