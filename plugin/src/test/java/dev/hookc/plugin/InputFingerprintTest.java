package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs of a generation, as {@code hookc:run} watches them. */
class InputFingerprintTest {
  @TempDir Path project;

  @Test
  void namesADirectoryForEveryFileGenerationReads() throws IOException {
    for (String file :
        List.of(
            "src/events/hooks.yaml",
            "src/functions/ack.yaml",
            "src/definitions/money.yaml",
            "src/eventsources/http.yaml",
            "src/datasources/db.yaml",
            "src/openapi/acme.yaml",
            "src/config/default.yaml",
            "config/default.yaml",
            "src/main/java/com/example/hookc/functions/Ack.java")) {
      Files.createDirectories(project.resolve(file).getParent());
      Files.writeString(project.resolve(file), "x: 1\n");
    }
    CompileRequest request =
        new CompileRequest(
            project,
            project.resolve("src/events"),
            project.resolve("src/functions"),
            project.resolve("src/definitions"),
            project.resolve("src/main/java"),
            project.resolve("target/generated-sources/hookc"),
            "com.example.hookc");
    InputFingerprint inputs = InputFingerprint.scan(request, Map.of());
    inputs.fingerprint(FileHashes.none());

    List<Path> directories = inputs.directories();

    assertThat(inputs.files()).hasSize(9);
    assertThat(inputs.files().keySet())
        .allSatisfy(
            file ->
                assertThat(directories)
                    .anySatisfy(d -> assertThat(project.resolve(file)).startsWith(d)));
  }
}
