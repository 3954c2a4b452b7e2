package dev.lifecycle.consumertest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in your build" snippets are regions of the example application in {@code
 * src/it/consumer}, which the build compiles and tests against the installed artifacts; this test
 * checks that the README shows them verbatim.
 */
final class ReadmeBuildTest {
  private static final Path CONSUMER = Path.of("src/it/consumer");
  private static final String README = Texts.read(Path.of("..", "README.md"));

  private static String block(String language, String body) {
    return "```" + language + "\n" + body + "```\n";
  }

  @Test
  void readme_showsEveryRegionOfTheExamplePom() {
    Path pom = CONSUMER.resolve("pom.xml");
    for (String region : List.of("bom", "dependencies", "plugins", "checks", "checks-not-on-tests", "logging")) {
      assertThat(README)
          .as("README block for region %s of %s", region, pom)
          .contains(block("xml", Texts.region(pom, region)));
    }
  }

  @Test
  void readme_showsTheExampleModuleDescriptors() {
    assertThat(README)
        .contains(
            block(
                "java",
                Texts.region(CONSUMER.resolve("src/main/java/module-info.java"), "module-info")))
        .contains(
            block(
                "java",
                Texts.region(
                    CONSUMER.resolve("src/test/java/module-info.java"), "test-module-info")));
  }

  @Test
  void readme_showsTheJvmConfigLinesOfTheExample_whichAreTheBuildsOwn() {
    String jvmConfig = Texts.read(CONSUMER.resolve(".mvn/jvm.config"));
    assertThat(README).contains(block("text", jvmConfig));
    assertThat(jvmConfig).isEqualTo(Texts.read(Path.of("..", ".mvn", "jvm.config")));
  }

  @Test
  void readme_saysHowToGetTheArtifacts() {
    assertThat(README).contains("not on Maven Central yet").contains("mvn -B install -DskipTests");
  }

  @Test
  void bom_managesEveryPublishedModule() {
    String parent = Texts.read(Path.of("..", "pom.xml"));
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    List<String> published =
        module
            .results()
            .map(m -> m.group(1))
            .filter(
                name ->
                    !List.of(
                            "lifecycle-benchmarks",
                            "lifecycle-bom",
                            "lifecycle-demo",
                            "lifecycle-consumer-test")
                        .contains(name))
            .collect(Collectors.toList());
    assertThat(published).contains(
            "lifecycle-core", "errorprone-checks", "lifecycle-proptest", "lifecycle-testing");
    String bom = Texts.read(Path.of("..", "lifecycle-bom", "pom.xml"));
    for (String name : published) {
      assertThat(Files.exists(Path.of("..", name, "pom.xml"))).as(name).isTrue();
      assertThat(bom)
          .as("lifecycle-bom manages %s", name)
          .contains("<artifactId>" + name + "</artifactId>");
    }
  }
}
