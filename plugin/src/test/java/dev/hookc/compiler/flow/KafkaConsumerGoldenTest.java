package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.emit.GeneratedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code generated for a Kafka event ({@code kafka.stripe-events.billing}: its subscription in
 * the application's builder, its controller with the record's delivery identity, its workflow's
 * typed inputs) is compared with golden files — regenerate them with {@code
 * -Dhookc.golden.update=true} and review the diff — and compiles.
 */
class KafkaConsumerGoldenTest {
  private static final String PACKAGE = "dev.hookc.test.kafka";
  private static final Path PROJECT = Path.of("src/test/resources/projects/kafka-consumer");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/kafka-consumer");

  @Test
  void generatesTheSubscriptionAndTheControllerAsInTheGoldenFiles() throws Exception {
    Map<String, String> generated = new TreeMap<>();
    for (GeneratedSource source : ProjectBuild.compileYaml(PROJECT, PACKAGE).sources()) {
      String path = source.path();
      if (path.endsWith("/HookcApplication.java")
          || path.endsWith("/KafkaStripeEventsBillingController.java")) {
        generated.put(path.substring(path.lastIndexOf('/') + 1), source.content());
      }
    }
    if (Boolean.getBoolean("hookc.golden.update")) {
      Files.createDirectories(GOLDEN);
      for (Map.Entry<String, String> file : generated.entrySet()) {
        Files.writeString(GOLDEN.resolve(file.getKey()), file.getValue());
      }
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      for (Path file : files.toList()) {
        expected.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    assertThat(generated).isEqualTo(expected);
  }

  @Test
  void compilesWithoutWarnings() {
    assertThat(ProjectBuild.build(PROJECT, PACKAGE)).isNotNull();
  }

  @Test
  void servesNoRouteAndNoOperationForAKafkaEvent() {
    Map<String, String> generated = new TreeMap<>();
    for (GeneratedSource source : ProjectBuild.compileYaml(PROJECT, PACKAGE).sources()) {
      generated.put(source.path(), source.content());
    }
    String openapi =
        generated.entrySet().stream()
            .filter(e -> e.getKey().endsWith("openapi.json"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("{}");
    assertThat(openapi).doesNotContain("stripe-events");
  }
}
