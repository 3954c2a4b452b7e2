package dev.lifecycle.jdbc;

import java.util.List;
import java.util.Objects;

/**
 * A connection closed while statements or result sets it created were open: the wrapper closed
 * them. Immutable; every text in it is masked.
 *
 * @param dataSource the data source's name
 * @param connection the connection's id
 * @param children one line per child still open: its id, its SQL, the thread that created it and,
 *     when captured, where
 */
public record UnclosedChildrenReport(String dataSource, String connection, List<String> children) {
  /** Copies the list. */
  public UnclosedChildrenReport {
    Objects.requireNonNull(dataSource, "dataSource must not be null");
    Objects.requireNonNull(connection, "connection must not be null");
    children = List.copyOf(children);
  }

  /** One line per child, after a header naming the connection. */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder("UNCLOSED ")
            .append(children.size())
            .append(" child(ren) of ")
            .append(connection)
            .append(" (data source \"")
            .append(dataSource)
            .append("\") closed with the connection; close statements and result sets yourself,"
                + " with try-with-resources:");
    for (String child : children) {
      text.append("\n  ").append(child);
    }
    return text.toString();
  }
}
