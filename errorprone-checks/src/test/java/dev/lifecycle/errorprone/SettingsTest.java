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

    assertThat(settings.resourceTypes())
        .containsExactlyInAnyOrder("com.acme.Handle", "com.acme.Lease");
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

  @Test
  void lenient_malformedEntries_areSkipped() {
    ErrorProneFlags flags =
        ErrorProneFlags.fromMap(
            Map.of(
                "UnclosedResource:ResourceTypes", "com.acme.Handle,not a type",
                "UnclosedResource:OwningMethods", "adopt,com.acme.Pool.adopt"));

    Settings settings = Settings.lenient(flags);

    assertThat(settings.resourceTypes()).containsExactly("com.acme.Handle");
    assertThat(settings.owningMethods()).containsExactly("com.acme.Pool.adopt");
  }

  @Test
  void problems_nameEachMalformedEntryAndUnknownFlag() {
    ErrorProneFlags flags =
        ErrorProneFlags.fromMap(
            Map.of(
                "UnclosedResource:ResourceTypes", "com.acme.Handle,not a type",
                "UnclosedResource:OwningMethod", "com.acme.Pool.adopt"));

    assertThat(Settings.problems(flags))
        .containsExactlyInAnyOrder(
            "-XepOpt:UnclosedResource:OwningMethod is not a flag of the lifecycle checks; they read"
                + " -XepOpt:UnclosedResource:ResourceTypes, -XepOpt:UnclosedResource:OwningMethods and"
                + " -XepOpt:UnclosedResource:FactoryMethods",
            "-XepOpt:UnclosedResource:ResourceTypes entry was 'not a type'; write each type as"
                + " fully.qualified.TypeName");
  }

  @Test
  void problems_failOnAnalysisErrorNotABoolean_named() {
    ErrorProneFlags flags =
        ErrorProneFlags.fromMap(
            Map.of(
                "Lifecycle:FailOnAnalysisError", "yes",
                "UnclosedResource:FactoryMethods", "getLog"));

    assertThat(Settings.problems(flags))
        .containsExactlyInAnyOrder(
            "-XepOpt:Lifecycle:FailOnAnalysisError was 'yes'; write true or false",
            "-XepOpt:UnclosedResource:FactoryMethods entry was 'getLog'; write each method as"
                + " fully.qualified.Type.methodName");
    assertThat(Settings.lenient(flags).failOnAnalysisError()).isFalse();
  }

  @Test
  void problems_wellFormedFlags_none() {
    ErrorProneFlags flags =
        ErrorProneFlags.fromMap(
            Map.of(
                "UnclosedResource:ResourceTypes", "com.acme.Handle, com.acme.Lease",
                "UnclosedResource:OwningMethods", "com.acme.Pool.adopt",
                "NullAway:OnlyNullMarked", "true"));

    assertThat(Settings.problems(flags)).isEmpty();
  }
}
