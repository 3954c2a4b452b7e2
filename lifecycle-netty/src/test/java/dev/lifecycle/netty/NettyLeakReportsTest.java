package dev.lifecycle.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Netty's leak reports of a really leaked {@code ByteBuf}, in a child JVM: Netty's detectors are
 * created once per JVM, when its buffer classes load, which in this JVM happened long ago.
 */
@SuppressWarnings("try") // ChildJvm.close() may be interrupted
final class NettyLeakReportsTest {
  @ParameterizedTest
  @ValueSource(strings = {"listener-first", "property"})
  void leakedByteBuf_atParanoid_reachesTheListenerWithItsSiteAndRecords(String mode) throws Exception {
    List<String> options = mode.equals("property")
        ? List.of("-Dio.netty.customResourceLeakDetector=" + RoutedLeakDetector.class.getName())
        : List.of();
    try (ChildJvm child = ChildJvm.start(LeakingChild.class, 0, options, mode)) {
      assertThat(child.await("COVERS ", 60)).isEqualTo("COVERS true");
      assertThat(child.await("KIND ", 60)).as(child::output).isEqualTo("KIND netty.ByteBuf");
      assertThat(child.await("SITE ", 10)).as(child::output).isEqualTo("SITE true");
      assertThat(child.await("RECORD ", 10)).as(child::output).isEqualTo("RECORD true");
      assertThat(child.await("SUMMARY ", 10))
          .contains("LEAK netty.ByteBuf#")
          .contains("not reclaimed: Netty does not reclaim a leaked buffer")
          .contains("Opened at dev.lifecycle.netty.LeakingChild.leak(LeakingChild.java:");
      // Netty still logs its own report
      assertThat(child.output()).contains("LEAK: ByteBuf.release() was not called");
    }
  }

  @Test
  void parse_nettyRecords_splitIntoMaskedRecordsAndTheCreationFrames() {
    String records = """

        Recent access records:\s
        #1:
        \tHint: jdbc:postgresql://user:secret@db/x
        \tio.netty.buffer.AdvancedLeakAwareByteBuf.touch(AdvancedLeakAwareByteBuf.java:925)
        \tcom.example.Handler.read(Handler.java:12)
        #2:
        \tcom.example.Handler.write(Handler.java:20)
        Created at:
        \tio.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:410)
        \tcom.example.Handler.channelRead(Handler.java:7)
        \tjava.base/java.lang.Thread.run(Thread.java:1474)
        \tcom.example.Native.call(Native Method)
        """;
    List<String> access = new ArrayList<>();
    List<StackTraceElement> created = new ArrayList<>();
    NettyLeakReports.parse(records, access, created);
    assertThat(access).hasSize(2);
    assertThat(access.get(0)).startsWith("#1:").doesNotContain("secret").contains("Handler.read");
    assertThat(access.get(1)).isEqualTo("#2:\ncom.example.Handler.write(Handler.java:20)");
    assertThat(created).extracting(StackTraceElement::toString).containsExactly(
        "com.example.Handler.channelRead(Handler.java:7)",
        "java.lang.Thread.run(Thread.java:1474)",
        "com.example.Native.call(Native Method)");
  }
}
