package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpToDateCheckTest {

  private static final Map<String, String> SETTINGS =
      Map.of("pluginVersion", "1.0", "failOnWarning", "false");

  @TempDir Path project;

  private CompileRequest request;
  private Path output;
  private UpToDateCheck check;

  @BeforeEach
  void generateOnce() throws IOException {
    write("src/events/callback.yaml", "http.post./callback:\n  fn: handle\n");
    write("src/functions/handle.yaml", "id: handle\ntasks: []\n");
    write("src/definitions/Payment.yaml", "type: object\n");
    write("src/main/java/com/example/hookc/functions/Notify.java", "class Notify {}\n");
    output = project.resolve("target/generated-sources/hookc");
    Files.createDirectories(output);
    request = request("com.example.hookc");
    check = new UpToDateCheck(project.resolve("target/hookc/inputs.sha256"));
    check.record(InputFingerprint.of(request, SETTINGS));
  }

  @Test
  void skipsAnUnchangedProject() throws IOException {
    assertThat(check.isUpToDate(InputFingerprint.of(request, SETTINGS), output)).isTrue();
  }

  @Test
  void regeneratesWhenAReferencedDefinitionChanges() throws IOException {
    write("src/definitions/Payment.yaml", "type: object\nrequired: [id]\n");

    assertThat(check.isUpToDate(InputFingerprint.of(request, SETTINGS), output)).isFalse();
  }

  @Test
  void regeneratesWhenAnEventFileIsAdded() throws IOException {
    write("src/events/refund.yaml", "http.post./refund:\n  fn: handle\n");

    assertThat(check.isUpToDate(InputFingerprint.of(request, SETTINGS), output)).isFalse();
  }

  @Test
  void regeneratesWhenTheConfigurationChanges() throws IOException {
    write("src/config/default.yaml", "port: 3000\n");

    assertThat(check.isUpToDate(InputFingerprint.of(request, SETTINGS), output)).isFalse();
  }

  @Test
  void regeneratesWhenAParameterChanges() throws IOException {
    Map<String, String> failOnWarning = Map.of("pluginVersion", "1.0", "failOnWarning", "true");

    assertThat(check.isUpToDate(InputFingerprint.of(request, failOnWarning), output)).isFalse();
    assertThat(check.isUpToDate(InputFingerprint.of(request("com.other"), SETTINGS), output))
        .isFalse();
  }

  @Test
  void regeneratesWhenThePluginVersionChanges() throws IOException {
    Map<String, String> newer = Map.of("pluginVersion", "1.1", "failOnWarning", "false");

    assertThat(check.isUpToDate(InputFingerprint.of(request, newer), output)).isFalse();
  }

  @Test
  void regeneratesWhenAJavaFunctionFileAppearsButNotWhenItsBodyChanges() throws IOException {
    write("src/main/java/com/example/hookc/functions/Notify.java", "class Notify { int x; }\n");
    assertThat(check.isUpToDate(InputFingerprint.of(request, SETTINGS), output)).isTrue();

    write("src/main/java/com/example/hookc/functions/Audit.java", "class Audit {}\n");
    assertThat(check.isUpToDate(InputFingerprint.of(request, SETTINGS), output)).isFalse();
  }

  @Test
  void regeneratesWhenTheOutputDirectoryIsGone() throws IOException {
    Files.delete(output);

    assertThat(check.isUpToDate(InputFingerprint.of(request, SETTINGS), output)).isFalse();
  }

  @Test
  void regeneratesAfterAnInvalidatedRun() throws IOException {
    check.invalidate();

    assertThat(check.isUpToDate(InputFingerprint.of(request, SETTINGS), output)).isFalse();
  }

  @Test
  void movingBytesBetweenAFileNameAndItsContentChangesTheFingerprint() throws IOException {
    String before = InputFingerprint.of(request, SETTINGS);
    Files.delete(project.resolve("src/definitions/Payment.yaml"));
    write("src/definitions/Paymenttype: object\n", "");

    assertThat(InputFingerprint.of(request, SETTINGS)).isNotEqualTo(before);
  }

  private CompileRequest request(String packageName) {
    return new CompileRequest(
        project,
        project.resolve("src/events"),
        project.resolve("src/functions"),
        project.resolve("src/definitions"),
        project.resolve("src/main/java"),
        output,
        packageName);
  }

  private void write(String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
