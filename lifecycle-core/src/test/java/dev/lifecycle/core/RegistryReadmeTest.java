package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's registry and permits quickstarts are this file's regions between the {@code README}
 * markers, so the snippets users copy are compiled and run here.
 */
final class RegistryReadmeTest {
  /** A stand-in for a per-tenant connection pool. */
  static final class Pool implements AutoCloseable {
    static final List<String> CLOSED = new ArrayList<>();
    final String tenant;

    Pool(String tenant) {
      this.tenant = tenant;
    }

    String query(String sql) {
      return tenant + ": " + sql;
    }

    @Override
    public void close() {
      CLOSED.add(tenant);
    }
  }

  static final List<Object> SENT = new ArrayList<>();

  static void send(Object server) {
    SENT.add(server);
  }

  static String registryQuickstart() throws InterruptedException {
    // README:registry-quickstart:begin
    try (BoundedRegistry<String, Pool> pools =
        BoundedRegistry.newBuilder("tenant pools")
            .capacity(2)                           // never more than 2 pools open
            .idleTimeout(Duration.ofMinutes(5))    // an unused pool is closed after 5 minutes
            .build()) {
      for (String tenant : List.of("acme", "globex", "initech")) {
        try (Lease<Pool> pool = pools.acquire(tenant, Pool::new)) { // created on first use
          pool.value().query("select 1");
        } // released: now idle, evicted (and closed) when its room is needed
      }
      return pools.stats().size() + " open, " + pools.stats().evictions() + " evicted";
    } // closes the pools still open
    // README:registry-quickstart:end
  }

  static String permitsQuickstart() throws InterruptedException {
    // README:permits-quickstart:begin
    KeyedPermits<String> connections =
        KeyedPermits.<String>newBuilder()
            .perKeyLimit(2)                        // at most 2 connections per mail server
            .limit("mx.bigmail.example", 8)        // except this one
            .globalLimit(50)                       // and 50 in all
            .build();
    try (Permit permit = connections.acquire("mx.example.org", Duration.ofSeconds(2))) {
      send(permit.key()); // the permit is released on every path, exactly once
    }
    PermitAudit audit = connections.audit();       // recounts the live permits
    return connections.inUse() + " in use, audit clean: " + audit.isClean();
    // README:permits-quickstart:end
  }

  @Test
  void registryQuickstart_evictsAndClosesWhatItEvicts() throws InterruptedException {
    assertThat(registryQuickstart()).isEqualTo("2 open, 1 evicted");
    assertThat(Pool.CLOSED).containsExactlyInAnyOrder("acme", "globex", "initech");
  }

  @Test
  void permitsQuickstart_releasesAndAuditsClean() throws InterruptedException {
    assertThat(permitsQuickstart()).isEqualTo("0 in use, audit clean: true");
    assertThat(SENT).containsExactly("mx.example.org");
  }

  @Test
  void readme_showsThisFilesQuickstarts() throws IOException {
    String readme = Readme.text();
    assertThat(readme)
        .contains(Readme.region(RegistryReadmeTest.class, "registry-quickstart"))
        .contains(Readme.region(RegistryReadmeTest.class, "permits-quickstart"));
  }

}
