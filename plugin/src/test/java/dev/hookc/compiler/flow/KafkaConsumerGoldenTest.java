package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.emit.GeneratedSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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
    GoldenFiles.assertGenerated(
        PROJECT,
        PACKAGE,
        GOLDEN,
        path ->
            path.endsWith("/HookcApplication.java")
                || path.endsWith("/KafkaStripeEventsBillingController.java"));
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
