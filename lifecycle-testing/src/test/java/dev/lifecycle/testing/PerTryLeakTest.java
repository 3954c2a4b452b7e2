package dev.lifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.proptest.ForAll;
import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.PropertyTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

/** A leak in one try of a property fails that try, is shrunk and is reported with its seed. */
final class PerTryLeakTest {
  static final List<Samples.Conn> HELD = new ArrayList<>();

  @LeakChecked(fileDescriptors = false, threads = false, grace = "PT0.1S")
  static final class LeaksAboveTen {
    @PropertyTest(tries = 200, seed = "42")
    void closesWhatItOpens(@ForAll("sizes") int size) {
      Samples.Conn conn = new Samples.Conn("db://size-" + size);
      if (size > 10) {
        HELD.add(conn); // the bug: large requests keep their connection
      } else {
        conn.close();
      }
    }

    Gen<Integer> sizes() {
      return Gen.ints(0, 100);
    }
  }

  @LeakChecked(fileDescriptors = false, threads = false)
  static final class ClosesAlways {
    @PropertyTest(tries = 100)
    void closesWhatItOpens(@ForAll("sizes") int size) {
      new Samples.Conn("db://size-" + size).close();
    }

    Gen<Integer> sizes() {
      return Gen.ints(0, 100);
    }
  }

  @Test
  void leakInOneTry_failsThatTry_shrunkToTheSmallestLeakingInput_withTheSeed() {
    try {
      Events events = LeakCheckExtensionTest.run(LeaksAboveTen.class);

      assertThat(LeakCheckExtensionTest.failures(events)).singleElement().asString()
          .contains("property failed on try ")
          .contains("minimal counterexample:\n  size = 11\n")
          .contains("leak check failed for one try of LeaksAboveTen.closesWhatItOpens()")
          .contains("db://size-11")
          .contains("PerTryLeakTest$LeaksAboveTen.closesWhatItOpens(PerTryLeakTest.java:")
          .contains("-Dlifecycle.pbt.seed=");
    } finally {
      HELD.forEach(Samples.Conn::close);
      HELD.clear();
    }
  }

  @Test
  void propertyThatClosesEveryTry_passes() {
    Events events = LeakCheckExtensionTest.run(ClosesAlways.class);

    assertThat(LeakCheckExtensionTest.failures(events)).isEmpty();
    assertThat(events.succeeded().count()).isEqualTo(1);
  }
}
