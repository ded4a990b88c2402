package dev.hookc.examples.callback;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's run command, {@code java @jvm.args @target/hookc.args -jar target/callback.jar} in
 * this directory, after {@code package} made the jar executable and {@code hookc:executable-jar}'s
 * training run wrote the class-data archive and the options that map it.
 */
class RunCommandIT {

  private static final Path EXAMPLE = Path.of("").toAbsolutePath();
  private static final Pattern SERVING =
      Pattern.compile("hookc: serving 1 route on http://localhost:(\\d+)");
  // What the example itself prints: the line above, the INFO line of each valid callback, and the
  // two lines of the graceful stop that SIGTERM starts.
  private static final Pattern OWN_OUTPUT =
      Pattern.compile(
          SERVING.pattern()
              + "|\\S+Z INFO hookc\\.functions\\.processData: .*"
              + "|\\S+Z INFO dev\\.hookc\\.runtime\\.HookcServer: (stopping: .*|stopped after \\d+ ms)");
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void answersWithTheClassesOfTheTrainingRunsArchive(@TempDir Path tmp) throws Exception {
    Path classLog = tmp.resolve("class-load.log");

    List<String> output = runAndPost(EXAMPLE, tmp, "-Xlog:class+load=info:file=" + classLog);

    assertThat(output).allMatch(line -> OWN_OUTPUT.matcher(line).matches());
    List<String> loaded = Files.readAllLines(classLog);
    // Everything the example and its runtime need was archived; what the JVM still defines at run
    // time are generated classes (lambda forms, annotation proxies), which it cannot map.
    assertThat(loaded)
        .filteredOn(line -> line.contains(" dev.hookc.") && !line.contains("$$Lambda$"))
        .isNotEmpty()
        .allMatch(line -> line.endsWith("source: shared objects file (top)"));
    // Without it, the JDK's own archive alone provides about half of them.
    assertThat(loaded.stream().filter(line -> line.contains("source: shared objects file")).count())
        .isGreaterThan(loaded.size() * 9L / 10);
  }

  @Test
  void startsQuietlyWithoutAnArchive(@TempDir Path tmp) throws Exception {
    // The last -XX:SharedArchiveFile wins: as after `clean` or with the training run skipped.
    List<String> output =
        runAndPost(EXAMPLE, tmp, "-XX:SharedArchiveFile=" + tmp.resolve("missing.jsa"));

    assertThat(output).allMatch(line -> OWN_OUTPUT.matcher(line).matches());
    assertThat(output).anyMatch(line -> line.contains("HookcServer: stopped after"));
  }

  @Test
  void startsQuietlyWithAnArchiveThatNoLongerMatchesTheJars(@TempDir Path tmp) throws Exception {
    // A copy of target/ whose jar changed after the archive was written, as when it is rebuilt
    // without a training run.
    Path copy = tmp.resolve("app");
    copyTree(EXAMPLE.resolve("target/lib"), copy.resolve("target/lib"));
    for (String file : List.of("callback.jar", "hookc.jsa")) {
      Files.copy(
          EXAMPLE.resolve("target").resolve(file),
          copy.resolve("target").resolve(file),
          StandardCopyOption.COPY_ATTRIBUTES);
    }
    Path jar = copy.resolve("target/callback.jar");
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

    List<String> output = runAndPost(copy, tmp);

    assertThat(output).allMatch(line -> OWN_OUTPUT.matcher(line).matches());
  }

  /**
   * Starts the run command in {@code directory} on a free port with {@code flags} added, posts the
   * guide's callback, stops it and returns what it printed.
   */
  private static List<String> runAndPost(Path directory, Path tmp, String... flags)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + EXAMPLE.resolve("jvm.args"));
    command.add("@" + EXAMPLE.resolve("target/hookc.args"));
    command.addAll(List.of(flags));
    command.addAll(List.of("-jar", "target/callback.jar"));
    Path log = Files.createTempFile(tmp, "output", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("PORT", "0");
    Process process = builder.start();
    try {
      int port = awaitPort(process, log);
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/callback"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"ok\",\"data\":{}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    return Files.readAllLines(log, UTF_8);
  }

  private static int awaitPort(Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher serving = SERVING.matcher(Files.readString(log, UTF_8));
      if (serving.find()) {
        return Integer.parseInt(serving.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not serving after 60 s: " + Files.readString(log, UTF_8));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
