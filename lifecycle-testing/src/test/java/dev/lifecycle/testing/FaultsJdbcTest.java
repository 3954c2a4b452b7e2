package dev.lifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC fault injectors, over stand-in delegates that record the calls they get (built with a
 * reflection proxy here, in the test only: the injectors themselves are hand-written).
 */
final class FaultsJdbcTest {
  private final List<String> calls = new ArrayList<>();

  private <T> T recording(Class<T> type, Object... results) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      calls.add(method.getName());
      for (Object result : results) {
        if (method.getReturnType().isInstance(result)) {
          return result;
        }
      }
      return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
    }));
  }

  @Test
  void dataSource_failOnCall_failsTheNthGetConnection_asSqlException() throws SQLException {
    Connection raw = recording(Connection.class);
    DataSource dataSource = Faults.none().failOnCall(2).dataSource(recording(DataSource.class, raw));

    try (Connection first = dataSource.getConnection()) {
      first.setAutoCommit(false);
      assertThatThrownBy(first::commit) // the connection's own second call
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("call 2 (commit) of connection fails");
    }
    assertThatThrownBy(dataSource::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("call 2 (getConnection) of data source fails");
    assertThat(calls).containsExactly("getConnection", "setAutoCommit", "close");
  }

  @Test
  void connection_failOnClose_closesTheDelegateOnce_thenThrows() throws SQLException {
    Connection connection = Faults.none().failOnClose().connection(recording(Connection.class));

    assertThatThrownBy(connection::close).isInstanceOf(SQLException.class).hasMessageContaining("close of connection fails");
    connection.close();
    assertThat(calls).containsExactly("close");
  }

  @Test
  void dataSource_factoryThrows_opensNothing() {
    DataSource dataSource = Faults.none().factoryThrows().dataSource(recording(DataSource.class));

    assertThatThrownBy(dataSource::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("getConnection throws");
    assertThat(calls).isEmpty();
  }
}
