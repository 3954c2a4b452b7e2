package dev.lifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.proptest.ForAll;
import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.PropertyTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class FaultsTest {
  @Test
  void failOnCall_failsExactlyTheNthCall() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    FaultyResource<AutoCloseable> resource = Faults.none().failOnCall(2).resource(closes::incrementAndGet);

    resource.get();
    assertThatThrownBy(resource::get)
        .isInstanceOf(InjectedFault.class)
        .hasMessageStartingWith("injected fault: call 2 (get) of resource ")
        .hasMessageEndingWith("fails (Faults[fail on call 2])");
    resource.get();
    resource.close();
    assertThat(closes).hasValue(1);
  }

  @Test
  void failOnClose_closesTheResourceThenThrows_once() {
    AtomicInteger closes = new AtomicInteger();
    FaultyResource<AutoCloseable> resource = Faults.none().failOnClose().resource(closes::incrementAndGet);

    assertThatThrownBy(resource::close).isInstanceOf(InjectedFault.class).hasMessageContaining("close of resource");
    assertThat(closes).hasValue(1);
    assertThat(resource.isClosed()).isTrue();
  }

  @Test
  void slowClose_takesAtLeastTheDelay() throws Exception {
    FaultyResource<AutoCloseable> resource = Faults.none().slowClose(Duration.ofMillis(30)).resource(() -> {});
    long start = System.nanoTime();
    resource.close();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(30_000_000L);
  }

  @Test
  void factoryThrows_throwsInsteadOfCreating() {
    AtomicInteger created = new AtomicInteger();
    var factory = Faults.none().factoryThrows().factory(created::incrementAndGet);

    assertThatThrownBy(factory::get).isInstanceOf(InjectedFault.class).hasMessageContaining("the factory throws");
    assertThat(created).hasValue(0);
  }

  @Test
  void streams_failAsIoExceptions() throws IOException {
    InputStream in = Faults.none().failOnCall(3).inputStream(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    assertThat(in.read()).isEqualTo(1);
    assertThat(in.read()).isEqualTo(2);
    assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("call 3 (read()) of input stream");

    OutputStream out = Faults.none().failOnClose().outputStream(new ByteArrayOutputStream());
    out.write(1);
    assertThatThrownBy(out::close).isInstanceOf(IOException.class).hasMessageContaining("close of output stream");
  }

  @Test
  void plans_areDeterministicFromTheSeed() {
    assertThat(Faults.generated().samples(20, 99).toString())
        .isEqualTo(Faults.generated().samples(20, 99).toString());
    assertThat(Faults.none()).hasToString("Faults[none]");
  }

  /** Copies a stream the careless way: the copy leaks its input when a read fails. */
  static int copyCarefully(InputStream in, OutputStream out) throws IOException {
    try (in; out) {
      return (int) in.transferTo(out);
    }
  }

  @PropertyTest(tries = 50, seed = "3")
  void copy_closesBothStreams_whateverFails(@ForAll("faults") Faults faults) {
    AtomicInteger closed = new AtomicInteger();
    InputStream in = faults.inputStream(new ByteArrayInputStream(new byte[8192]) {
      @Override
      public void close() {
        closed.incrementAndGet();
      }
    });
    OutputStream out = faults.outputStream(new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed.incrementAndGet();
      }
    });
    try {
      copyCarefully(in, out);
    } catch (IOException expected) {
      assertThat(expected).hasMessageStartingWith("injected fault");
    }
    assertThat(closed).hasValue(2);
  }

  Gen<Faults> faults() {
    return Faults.generated();
  }
}
