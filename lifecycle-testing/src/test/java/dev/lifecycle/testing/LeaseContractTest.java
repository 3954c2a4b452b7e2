package dev.lifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.BoundedRegistry;
import dev.lifecycle.core.Lease;
import dev.lifecycle.core.RegistryEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.parallel.Isolated;

/** Core's {@link Lease} keeps the tracked-wrapper contract. */
@Isolated("GC-dependent: waits for a leak report")
final class LeaseContractTest extends TrackedResourceContract<Lease<LeaseContractTest.Value>> {
  /** A registry value that may fail on close. */
  static final class Value implements AutoCloseable {
    final boolean failing;

    Value(boolean failing) {
      this.failing = failing;
    }

    @Override
    public void close() {
      if (failing) {
        throw new IllegalStateException("disk full while flushing value");
      }
    }
  }

  private final List<BoundedRegistry<String, Value>> registries = new ArrayList<>();

  private BoundedRegistry<String, Value> registry(TestTracker tracker) {
    BoundedRegistry<String, Value> registry =
        BoundedRegistry.newBuilder("contract").capacity(4).tracker(tracker.tracker())
            .listener(tracker.events()).build();
    registries.add(registry);
    return registry;
  }

  @AfterEach
  void closeRegistries() {
    registries.forEach(BoundedRegistry::close);
  }

  @Override
  protected Lease<Value> open(TestTracker tracker) throws Exception {
    return registry(tracker).acquire("tenant", key -> new Value(false));
  }

  @Override
  protected void use(Lease<Value> lease) {
    lease.value();
  }

  @Override
  protected String kind() {
    return "lifecycle.Lease";
  }

  @Override
  protected long inUse() {
    return registries.stream().mapToLong(r -> r.stats().leased()).sum();
  }

  @Override
  protected void assertCloseFailureSurfaces(TestTracker tracker) throws Exception {
    BoundedRegistry<String, Value> registry = registry(tracker);
    try (Lease<Value> lease = registry.acquire("tenant", key -> new Value(true))) {
      assertThat(registry.invalidate("tenant")).isTrue();
      lease.value();
    } // the last lease closes the removed value, which throws

    List<RegistryEvent> failures =
        tracker.events().registryEvents().stream().filter(e -> e.failure() != null).toList();
    assertThat(failures).singleElement().satisfies(e -> assertThat(e.failure()).contains("disk full while flushing value"));
  }
}
