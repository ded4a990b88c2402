package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpToDateCheckTest {

  private static final Map<String, String> SETTINGS =
      Map.of("pluginVersion", "1.0", "failOnWarning", "false");

  private static final FileTime OLD =
      FileTime.fromMillis(System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1));

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
    // Written long ago, as most inputs are: their remembered hashes are trusted next time.
    setModified(OLD, "src/events/callback.yaml", "src/functions/handle.yaml");
    setModified(OLD, "src/definitions/Payment.yaml");
    setModified(OLD, "src/main/java/com/example/hookc/functions/Notify.java");
    record(FileHashes.none());
  }

  @Test
  void skipsAnUnchangedProject() throws IOException {
    assertThat(upToDate()).isTrue();
  }

  @Test
  void doesNotReadAgainAFileWhoseSizeAndTimeAreUnchanged() throws IOException {
    // Same size, time put back: only a remembered hash can still call this unchanged.
    write("src/definitions/Payment.yaml", "type: string\n");
    setModified(OLD, "src/definitions/Payment.yaml");

    assertThat(upToDate()).isTrue();
    // Without remembered hashes the change is seen: the test above cannot pass by accident.
    assertThat(check.isUpToDate(InputFingerprint.of(request, SETTINGS), output)).isFalse();
  }

  @Test
  void readsAgainAFileChangedJustBeforeItWasHashed() throws IOException {
    write("src/definitions/Payment.yaml", "type: object\n");
    FileTime justBefore = FileTime.fromMillis(System.currentTimeMillis() - 500);
    setModified(justBefore, "src/definitions/Payment.yaml");
    record(check.rememberedHashes());
    // Changed again within the same clock tick: same size, same time.
    write("src/definitions/Payment.yaml", "type: string\n");
    setModified(justBefore, "src/definitions/Payment.yaml");

    assertThat(upToDate()).isFalse();
  }

  @Test
  void touchingAFileDoesNotRegenerate() throws IOException {
    setModified(FileTime.fromMillis(System.currentTimeMillis()), "src/events/callback.yaml");

    assertThat(stampUnchanged()).isFalse();
    assertThat(upToDate()).isTrue();
  }

  @Test
  void recognisesAnUntouchedProjectByItsStampAlone() throws IOException {
    assertThat(stampUnchanged()).isTrue();
  }

  @Test
  void doesNotTrustTheStampOfAFileModifiedJustBeforeItWasHashed() throws IOException {
    setModified(FileTime.fromMillis(System.currentTimeMillis() - 500), "src/events/callback.yaml");
    record(check.rememberedHashes());

    assertThat(stampUnchanged()).isFalse();
  }

  @Test
  void stampChangesWithAParameterAndWithAFileSize() throws IOException {
    String before = InputFingerprint.scan(request, SETTINGS).stamp();
    assertThat(InputFingerprint.scan(request("com.other"), SETTINGS).stamp()).isNotEqualTo(before);

    write("src/definitions/Payment.yaml", "type: object\nrequired: [id]\n");
    setModified(OLD, "src/definitions/Payment.yaml");
    assertThat(InputFingerprint.scan(request, SETTINGS).stamp()).isNotEqualTo(before);
  }

  @Test
  void regeneratesWhenAnEventFileIsRemoved() throws IOException {
    Files.delete(project.resolve("src/functions/handle.yaml"));

    assertThat(upToDate()).isFalse();
  }

  @Test
  void regeneratesWhenADirectoryParameterChanges() throws IOException {
    Files.move(project.resolve("src/events"), project.resolve("src/hooks"));
    CompileRequest moved =
        new CompileRequest(
            project,
            project.resolve("src/hooks"),
            project.resolve("src/functions"),
            project.resolve("src/definitions"),
            project.resolve("src/main/java"),
            output,
            "com.example.hookc");

    assertThat(check.isUpToDate(InputFingerprint.of(moved, SETTINGS), output)).isFalse();
  }

  @Test
  void regeneratesWhenAReferencedDefinitionChanges() throws IOException {
    write("src/definitions/Payment.yaml", "type: object\nrequired: [id]\n");

    assertThat(upToDate()).isFalse();
  }

  @Test
  void regeneratesWhenAnEventFileIsAdded() throws IOException {
    write("src/events/refund.yaml", "http.post./refund:\n  fn: handle\n");

    assertThat(upToDate()).isFalse();
  }

  @Test
  void regeneratesWhenTheConfigurationChanges() throws IOException {
    write("src/config/default.yaml", "port: 3000\n");

    assertThat(upToDate()).isFalse();
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
  void regeneratesWhenAJavaFunctionFileAppears() throws IOException {
    write("src/main/java/com/example/hookc/functions/Audit.java", "class Audit {}\n");

    assertThat(upToDate()).isFalse();
  }

  @Test
  void regeneratesWhenAJavaFunctionsSourceChanges() throws IOException {
    // Its apply's return type and its constructor decide the code generated to call it.
    write(
        "src/main/java/com/example/hookc/functions/Notify.java",
        "class Notify { String apply(NotifyArgs a, FunctionContext c) { return null; } }\n");

    assertThat(upToDate()).isFalse();
  }

  @Test
  void regeneratesWhenTheOutputDirectoryIsGone() throws IOException {
    Files.delete(output);

    assertThat(upToDate()).isFalse();
  }

  @Test
  void regeneratesAfterAnInvalidatedRun() throws IOException {
    check.invalidate();

    assertThat(upToDate()).isFalse();
  }

  @Test
  void movingBytesBetweenAFileNameAndItsContentChangesTheFingerprint() throws IOException {
    String before = InputFingerprint.of(request, SETTINGS);
    Files.delete(project.resolve("src/definitions/Payment.yaml"));
    write("src/definitions/Paymenttype: object\n", "");

    assertThat(InputFingerprint.of(request, SETTINGS)).isNotEqualTo(before);
  }

  private void record(FileHashes hashes) throws IOException {
    InputFingerprint inputs = InputFingerprint.scan(request, SETTINGS);
    check.record(inputs.fingerprint(hashes), inputs.stamp(), hashes);
  }

  /** The quick check, by names, sizes and times only. */
  private boolean stampUnchanged() throws IOException {
    return check.isUnchanged(InputFingerprint.scan(request, SETTINGS), output);
  }

  /** The check as the next build makes it, with the hashes the last one remembered. */
  private boolean upToDate() throws IOException {
    return check.isUpToDate(
        InputFingerprint.of(request, SETTINGS, check.rememberedHashes()), output);
  }

  private void setModified(FileTime time, String... paths) throws IOException {
    for (String path : paths) {
      Files.setLastModifiedTime(project.resolve(path), time);
    }
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
