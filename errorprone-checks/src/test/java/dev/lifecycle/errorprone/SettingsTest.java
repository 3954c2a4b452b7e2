package dev.lifecycle.errorprone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.errorprone.ErrorProneFlags;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SettingsTest {
  @Test
  void from_listFlags_readsTypesAndMethods() {
    Settings settings =
        Settings.from(
            ErrorProneFlags.fromMap(
                Map.of(
                    "UnclosedResource:ResourceTypes", "com.acme.Handle,com.acme.Lease",
                    "UnclosedResource:OwningMethods", "com.acme.Pool.adopt")));

    assertThat(settings.resourceTypes()).containsExactlyInAnyOrder("com.acme.Handle", "com.acme.Lease");
    assertThat(settings.isOwningMethod("com.acme.Pool", "adopt")).isTrue();
    assertThat(settings.isOwningMethod("com.acme.Pool", "borrow")).isFalse();
  }

  @Test
  void from_noFlags_isEmpty() {
    assertThat(Settings.from(ErrorProneFlags.empty())).isEqualTo(Settings.DEFAULT);
  }

  @Test
  void from_methodWithoutType_failsNamingTheFlag() {
    ErrorProneFlags flags =
        ErrorProneFlags.fromMap(Map.of("UnclosedResource:OwningMethods", "adopt"));

    assertThatThrownBy(() -> Settings.from(flags))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "-XepOpt:UnclosedResource:OwningMethods entry was 'adopt'; write each method as"
                + " fully.qualified.Type.methodName");
  }
}
