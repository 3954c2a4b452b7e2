package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract every tracked wrapper relies on, at every level. */
final class TrackedTest {
  private static final Tracker OFF = tracker(DetectionLevel.OFF);
  private static final Tracker SAMPLED = tracker(DetectionLevel.SAMPLED);
  private static final Tracker FULL = tracker(DetectionLevel.FULL);
  private static final Tracker PARANOID = tracker(DetectionLevel.PARANOID);

  private static Tracker tracker(DetectionLevel level) {
    return Tracker.newBuilder().name("tracked-test-" + level).level(level).build();
  }

  private static Tracker at(DetectionLevel level) {
    return switch (level) {
      case OFF -> OFF;
      case SAMPLED -> SAMPLED;
      case FULL -> FULL;
      case PARANOID -> PARANOID;
    };
  }

  @AfterAll
  static void stopTrackers() {
    OFF.close();
    SAMPLED.close();
    FULL.close();
    PARANOID.close();
  }

  /** A wrapper as users write one: the raw resource is closed once, on the first close. */
  static final class Wrapper implements AutoCloseable {
    final AtomicInteger rawCloses = new AtomicInteger();
    final Tracked tracked;

    Wrapper(ResourceKind kind) {
      tracked = kind.track(this, rawCloses::incrementAndGet);
    }

    void use() {
      tracked.checkOpen();
    }

    @Override
    public void close() {
      if (tracked.close()) {
        rawCloses.incrementAndGet();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DetectionLevel.class)
  void close_twice_releasesRawOnce(DetectionLevel level) {
    Wrapper wrapper = new Wrapper(at(level).kind("test.Wrapper"));
    assertThat(wrapper.tracked.isOpen()).isTrue();
    wrapper.close();
    wrapper.close();
    assertThat(wrapper.rawCloses).hasValue(1);
    assertThat(wrapper.tracked.isOpen()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(DetectionLevel.class)
  void close_racingThreads_exactlyOneWins(DetectionLevel level) throws Exception {
    ResourceKind kind = at(level).kind("test.Raced");
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 200; round++) {
        Wrapper wrapper = new Wrapper(kind);
        var closes = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int t = 0; t < 4; t++) {
          closes.add(executor.submit(wrapper::close));
        }
        for (var close : closes) {
          close.get();
        }
        assertThat(wrapper.rawCloses).hasValue(1);
      }
    } finally {
      executor.shutdown();
    }
    assertThat(kind.liveCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = DetectionLevel.class,
      names = {"SAMPLED", "FULL", "PARANOID"})
  void checkOpen_afterClose_saysWhenAndByWhom(DetectionLevel level) {
    Wrapper wrapper = new Wrapper(at(level).kind("test.Wrapper"));
    wrapper.use();
    wrapper.close();
    assertThatThrownBy(wrapper::use)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageMatching(
            "test\\.Wrapper#[0-9a-f]+ is closed: closed at \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z by thread "
                + java.util.regex.Pattern.quote(Thread.currentThread().getName())
                + "; do not use a resource after close\\(\\)");
  }

  @ParameterizedTest
  @EnumSource(
      value = DetectionLevel.class,
      names = {"SAMPLED", "FULL", "PARANOID"})
  void checkOpen_afterCloseOnAnotherThread_namesThatThread(DetectionLevel level) throws Exception {
    Wrapper wrapper = new Wrapper(at(level).kind("test.Wrapper"));
    Thread closer = new Thread(wrapper::close, "closer-7");
    closer.start();
    closer.join();
    assertThatThrownBy(wrapper::use).hasMessageContaining(" by thread closer-7;");
  }

  @ParameterizedTest
  @EnumSource(
      value = DetectionLevel.class,
      names = {"PARANOID"})
  void checkOpen_atParanoid_hasClosingStackAsCause(DetectionLevel level) {
    Wrapper wrapper = new Wrapper(at(level).kind("test.Wrapper"));
    wrapper.close();
    assertThatThrownBy(wrapper::use)
        .cause()
        .hasMessage("closed here")
        .satisfies(
            cause ->
                assertThat(cause.getStackTrace())
                    .anySatisfy(
                        frame ->
                            assertThat(frame.getMethodName())
                                .isEqualTo("checkOpen_atParanoid_hasClosingStackAsCause")));
  }

  @ParameterizedTest
  @EnumSource(
      value = DetectionLevel.class,
      names = {"OFF"})
  void checkOpen_atOff_namesClosingThread(DetectionLevel level) {
    Wrapper wrapper = new Wrapper(at(level).kind("test.Wrapper"));
    wrapper.close();
    assertThatThrownBy(wrapper::use)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageMatching(
            "test\\.Wrapper#[0-9a-f]+ is closed: closed by thread .+ \\(leak detection is OFF, so"
                + " the time is not recorded\\); do not use a resource after close\\(\\)");
  }

  @ParameterizedTest
  @EnumSource(DetectionLevel.class)
  void track_nullOrSelf_throws(DetectionLevel level) {
    ResourceKind kind = at(level).kind("test.Bad");
    AutoCloseable raw = () -> {};
    assertThatThrownBy(() -> kind.track(null, raw))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("wrapper must not be null");
    assertThatThrownBy(() -> kind.track(new Object(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("raw resource must not be null; pass () -> {} if nothing must be released");
    assertThatThrownBy(() -> kind.track(raw, raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the raw resource of a test.Bad must not be its wrapper, or the wrapper can never be"
                + " collected; pass the resource the wrapper owns");
  }

  @ParameterizedTest
  @EnumSource(
      value = DetectionLevel.class,
      names = {"SAMPLED", "FULL", "PARANOID"})
  void liveCount_followsTrackAndClose(DetectionLevel level) {
    ResourceKind kind = at(level).kind("test.Counted-" + level);
    Wrapper a = new Wrapper(kind);
    Wrapper b = new Wrapper(kind);
    assertThat(kind.liveCount()).isEqualTo(2);
    assertThat(kind.oldestAge()).isPresent();
    a.close();
    b.close();
    assertThat(kind.liveCount()).isZero();
    assertThat(kind.oldestAge()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DetectionLevel.class)
  void id_isKindAndHex(DetectionLevel level) {
    Wrapper wrapper = new Wrapper(at(level).kind("test.Wrapper"));
    assertThat(wrapper.tracked.id()).matches("test\\.Wrapper#[0-9a-f]+");
    assertThat(wrapper.tracked).hasToString(wrapper.tracked.id());
    wrapper.close();
  }

  @ParameterizedTest
  @EnumSource(DetectionLevel.class)
  void kind_blankName_throws(DetectionLevel level) {
    assertThatThrownBy(() -> at(level).kind(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kind name must not be blank: \"\"");
  }
}
