package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

final class OwnershipAnnotationsTest {
  @Test
  void owningAndBorrowed_applyToParametersAndFields() {
    assertThat(Owning.class.getAnnotation(Target.class).value())
        .containsExactlyInAnyOrder(ElementType.PARAMETER, ElementType.FIELD);
    assertThat(Borrowed.class.getAnnotation(Target.class).value())
        .containsExactlyInAnyOrder(ElementType.PARAMETER, ElementType.FIELD);
  }

  @Test
  void mustClose_appliesToTypesAndMethodResults() {
    assertThat(MustClose.class.getAnnotation(Target.class).value())
        .containsExactlyInAnyOrder(ElementType.TYPE, ElementType.METHOD);
  }

  @Test
  void annotations_areVisibleToToolsAtRunTime() throws Exception {
    assertThat(Owning.class.getAnnotation(Retention.class).value())
        .isEqualTo(RetentionPolicy.RUNTIME);
    assertThat(Sample.class.getAnnotation(MustClose.class)).isNotNull();
    assertThat(
            Sample.class
                .getDeclaredMethod("take", AutoCloseable.class)
                .getParameters()[0]
                .getAnnotation(Owning.class))
        .isNotNull();
  }

  @MustClose
  private static final class Sample {
    @SuppressWarnings("unused") // read reflectively above
    void take(@Owning AutoCloseable resource) {}
  }
}
