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
 * The application generated for a project whose async routes forward their inbox to Kafka (one
 * forward-only, keyed on a body property, one that also runs its workflow) is compared with golden
 * files — regenerate them with {@code -Dhookc.golden.update=true} and review the diff — and
 * compiles.
 */
class KafkaOutboxGoldenTest {
  private static final String PACKAGE = "dev.hookc.test.outbox";
  private static final Path PROJECT = Path.of("src/test/resources/projects/kafka-outbox");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/kafka-outbox");

  @Test
  void generatesTheOutboxRoutesAsInTheGoldenFiles() throws Exception {
    Map<String, String> generated = new TreeMap<>();
    for (GeneratedSource source : ProjectBuild.compileYaml(PROJECT, PACKAGE).sources()) {
      String path = source.path();
      if (path.endsWith("/HookcApplication.java")) {
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
}
