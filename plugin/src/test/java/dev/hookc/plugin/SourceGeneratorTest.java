package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.plugin.GenerationResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run of the goal without Maven: up-to-date check, compiler, writing, and remembering. */
class SourceGeneratorTest {
  private static final String EVENT = "http.post./hook:\n  fn: ack\n";
  private static final String ACK =
      "id: ack\ntasks:\n  - id: respond\n    fn: com.gs.return\n    args: ok\n";

  @TempDir Path project;

  private Path output;
  private Path stateFile;

  @BeforeEach
  void writeProject() throws IOException {
    output = project.resolve("target/generated-sources/hookc");
    stateFile = project.resolve("target/hookc/inputs.sha256");
    write("src/events/hooks.yaml", EVENT);
    write("src/functions/ack.yaml", ACK);
    // Written long ago, as most inputs are, so that their stamp can be trusted.
    age("src/events/hooks.yaml", TimeUnit.HOURS.toMillis(1));
    age("src/functions/ack.yaml", TimeUnit.HOURS.toMillis(1));
  }

  @Test
  void generatesWritesEveryFileAndRemembersTheState() throws IOException {
    GenerationResult result = generate(false);

    assertThat(result.outcome()).isEqualTo(Outcome.GENERATED);
    assertThat(result.files()).isPositive().isEqualTo(result.written()).isEqualTo(javaFiles());
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(stateFile).exists();
    assertThat(result.summary(12))
        .isEqualTo(
            "generated "
                + result.files()
                + " source files in 12 ms ("
                + result.files()
                + " written, 0 unchanged)");
  }

  @Test
  void skipsAnUnchangedProjectTheSecondTime() throws IOException {
    generate(false);

    GenerationResult again = generate(false);

    assertThat(again.outcome()).isEqualTo(Outcome.UP_TO_DATE);
    assertThat(again.summary(3))
        .isEqualTo("inputs unchanged since the last generation, skipped (3 ms)");
  }

  @Test
  void remembersTheNewTimesOfTouchedFilesSoThatTheNextCheckReadsNothing() throws IOException {
    generate(false);
    age("src/events/hooks.yaml", TimeUnit.MINUTES.toMillis(30));
    assertThat(stampUnchanged()).isFalse();

    assertThat(generate(false).outcome()).isEqualTo(Outcome.UP_TO_DATE);
    assertThat(stampUnchanged()).isTrue();
  }

  @Test
  void regeneratesAChangedProjectWritingOnlyTheFilesThatChanged() throws IOException {
    GenerationResult first = generate(false);
    write("src/functions/ack.yaml", ACK.replace("args: ok", "args: fine"));

    GenerationResult second = generate(false);

    assertThat(second.outcome()).isEqualTo(Outcome.GENERATED);
    assertThat(second.files()).isEqualTo(first.files());
    assertThat(second.written()).isPositive().isLessThan(second.files());
    assertThat(second.summary(5))
        .contains("(" + second.written() + " written, " + (second.files() - second.written()))
        .endsWith(" unchanged)");
  }

  @Test
  void failsWithoutWritingOrRememberingWhenTheCompilerReportsAnError() throws IOException {
    generate(false);
    write("src/events/hooks.yaml", EVENT.replace("fn: ack", "fn: akc"));

    GenerationResult result = generate(false);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.diagnostics()).isNotEmpty();
    // The old state is gone, so the next build does not take the old output for current.
    assertThat(stateFile).doesNotExist();
  }

  @Test
  void writesTheEditorSchemasOnEveryGenerationEvenAFailedOrSkippedOne() throws IOException {
    Path schemas = project.resolve("target/hookc/schemas");
    write("src/events/hooks.yaml", EVENT.replace("fn: ack", "fn: akc"));
    assertThat(generate(false).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(schemas.resolve("event.schema.json")).exists();

    write("src/events/hooks.yaml", EVENT);
    generate(false);
    Files.delete(schemas.resolve("workflow.schema.json"));
    assertThat(generate(false).outcome()).isEqualTo(Outcome.UP_TO_DATE);
    assertThat(schemas.resolve("workflow.schema.json")).exists();
  }

  @Test
  void writesTheContractOfAMissingJavaFunctionAlthoughTheBuildFails() throws IOException {
    generate(false);
    Path workflow = output.resolve("com/example/hookc/workflows/AckWorkflow.java");
    assertThat(workflow).exists();
    write("src/functions/ack.yaml", ACK.replace("fn: com.gs.return", "fn: notifyTeam"));

    GenerationResult result = generate(false);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.diagnostics())
        .singleElement()
        .extracting(d -> d.code().id())
        .isEqualTo("HC3008");
    Path functions = output.resolve("com/example/hookc/functions");
    assertThat(functions.resolve("NotifyTeamFunction.java")).exists();
    assertThat(functions.resolve("NotifyTeamArgs.java")).exists();
    // The rest is left as it was; the manifest no longer describes it, so the next build
    // writes everything afresh.
    assertThat(workflow).exists();
    assertThat(stateFile.resolveSibling(SourceGenerator.MANIFEST)).doesNotExist();
  }

  @Test
  void failsOnAWarningOnlyWhenAskedTo() throws IOException {
    write("src/events/empty.yaml", "");

    assertThat(generate(false).outcome()).isEqualTo(Outcome.GENERATED);
    assertThat(generate(false).summary(1)).contains("skipped");
    GenerationResult strict = generate(true);
    assertThat(strict.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(strict.count(dev.hookc.compiler.diag.Severity.WARNING)).isEqualTo(1);
  }

  @Test
  void warnsWhenTheStateCannotBeWrittenButStillGenerates() throws IOException {
    // A directory where the state is written before it is moved into place.
    write("target/hookc/inputs.sha256.tmp/occupied", "");

    GenerationResult result = generate(false);

    assertThat(result.outcome()).isEqualTo(Outcome.GENERATED);
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains("cannot write")
        .endsWith("the next build generates again");
  }

  @Test
  void reportsAnOutputDirectoryThatCannotBeWrittenAsAnIoErrorNamingIt() throws IOException {
    write("target/generated-sources/hookc", "a file, not a directory");

    assertThatThrownBy(() -> generate(false))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write generated sources to " + output);
  }

  private GenerationResult generate(boolean failOnWarning) throws IOException {
    return new SourceGenerator().generate(request(failOnWarning));
  }

  private GenerationRequest request(boolean failOnWarning) {
    CompileRequest compile =
        new CompileRequest(
            project,
            project.resolve("src/events"),
            project.resolve("src/functions"),
            project.resolve("src/definitions"),
            project.resolve("src/main/java"),
            output,
            "com.example.hookc");
    // A fixed jar identity: run from target/classes, the real one never repeats.
    return new GenerationRequest(compile, stateFile, failOnWarning, "1.0", "test.jar@1");
  }

  /** The quick check the next build starts with: names, sizes and times only. */
  private boolean stampUnchanged() throws IOException {
    GenerationRequest request = request(false);
    return new UpToDateCheck(stateFile)
        .isUnchanged(InputFingerprint.scan(request.compile(), request.settings()), output);
  }

  private long javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(output)) {
      return files.filter(f -> f.toString().endsWith(".java")).count();
    }
  }

  private void age(String path, long millis) throws IOException {
    Files.setLastModifiedTime(
        project.resolve(path), FileTime.fromMillis(System.currentTimeMillis() - millis));
  }

  private void write(String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
