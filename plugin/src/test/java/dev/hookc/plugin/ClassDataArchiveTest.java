package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run's failures and the argument file. A successful run, and an application started
 * from its archive, are the callback example's {@code RunCommandIT}.
 */
class ClassDataArchiveTest {
  @TempDir Path project;

  @Test
  void writesTheOptionsThatMapTheArchiveRelativeToTheProject() throws IOException {
    ClassDataArchive.writeArguments(request(project.resolve("target/app.jar")));

    assertThat(Files.readAllLines(project.resolve("target/hookc.args")))
        .filteredOn(line -> !line.startsWith("#"))
        .containsExactly(
            "-XX:SharedArchiveFile=target/hookc.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  @Test
  void quotesAnArchivePathWithSpaces() throws IOException {
    Path elsewhere = project.resolveSibling(project.getFileName() + " archives/hookc.jsa");
    ClassDataArchive.Request request = request(project.resolve("target/app.jar"));
    ClassDataArchive.writeArguments(
        new ClassDataArchive.Request(
            request.java(),
            request.workingDirectory(),
            request.jvmArguments(),
            request.jar(),
            request.mainClass(),
            request.requests(),
            elsewhere,
            request.argumentsFile(),
            request.log(),
            request.timeout()));

    assertThat(Files.readAllLines(project.resolve("target/hookc.args")))
        .contains("\"-XX:SharedArchiveFile=" + elsewhere.toAbsolutePath() + "\"");
  }

  @Test
  void failsWithTheEndOfItsLogWhenTheTrainingRunCannotStartAndLeavesNoArchive() throws IOException {
    // A jar without hookc-runtime on its class path: no TrainingRun to start.
    Path jar = project.resolve("target/app.jar");
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.flush();
    }
    Files.writeString(project.resolve("target/hookc.jsa"), "from an earlier build");

    assertThatThrownBy(() -> ClassDataArchive.dump(request(jar)))
        .isInstanceOf(ClassDataArchive.TrainingFailedException.class)
        .hasMessageStartingWith("the training run exited with status 1; the end of ")
        .hasMessageContaining("dev.hookc.runtime.TrainingRun");
    assertThat(project.resolve("target/hookc.jsa")).doesNotExist();
  }

  private ClassDataArchive.Request request(Path jar) {
    return new ClassDataArchive.Request(
        Path.of(System.getProperty("java.home"), "bin", "java"),
        project,
        List.of("-XX:+UseSerialGC"),
        jar,
        "com.example.hookc.HookcApplication",
        List.of("GET /health 200"),
        project.resolve("target/hookc.jsa"),
        project.resolve("target/hookc.args"),
        project.resolve("target/hookc-training.log"),
        Duration.ofSeconds(60));
  }
}
