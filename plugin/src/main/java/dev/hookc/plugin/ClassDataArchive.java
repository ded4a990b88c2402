package dev.hookc.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Dumps a class-data archive of an executable jar from a training run, and writes the argument file
 * that maps it.
 *
 * <p>The training run is {@code dev.hookc.runtime.TrainingRun} under {@code
 * -XX:ArchiveClassesAtExit}: it starts the application's routes on a loopback port, sends the
 * listed requests, checks their statuses and stops, and the JVM writes every class it loaded to the
 * archive as it exits. {@code java @<argument file> -jar <jar>} then maps those classes instead of
 * loading them again, which halves the CPU time until the first answer. The JVM checks that the
 * archive matches the jars and the JDK and starts without it otherwise; the argument file turns
 * that warning off, so a missing or stale archive only costs time.
 */
final class ClassDataArchive {
  /** The training run's main class, in hookc-runtime. */
  static final String TRAINING_RUN = "dev.hookc.runtime.TrainingRun";

  /** TrainingRun's exit status when an answer had another status than listed. */
  private static final int WRONG_ANSWER = 2;

  /**
   * What the JVM says, before exiting with 1, when it cannot dump because the JDK has no base
   * archive (JDK 17: "DynamicDumpSharedSpaces is unsupported when base CDS archive is not loaded",
   * later ones name the option).
   */
  private static final String NO_BASE_ARCHIVE = "unsupported when base CDS archive is not loaded";

  /**
   * One training run.
   *
   * @param java the {@code java} executable, of the JDK the application will run on
   * @param workingDirectory where it runs; paths in the argument file are relative to it
   * @param jvmArguments the JVM options the application runs with: an archive is only used by a JVM
   *     with compatible options
   * @param jar the executable jar
   * @param mainClass the application class
   * @param requests the training requests, {@code <METHOD> <path> <status> [<JSON body>]}
   * @param archive where the archive goes
   * @param argumentsFile where the argument file that maps it goes
   * @param log where the run's output goes
   * @param timeout how long the run may take before it is stopped and the build fails
   */
  record Request(
      Path java,
      Path workingDirectory,
      List<String> jvmArguments,
      Path jar,
      String mainClass,
      List<String> requests,
      Path archive,
      Path argumentsFile,
      Path log,
      Duration timeout) {
    Request {
      jvmArguments = List.copyOf(jvmArguments);
      requests = List.copyOf(requests);
    }
  }

  /** What the training run did. */
  enum Outcome {
    /** The archive is written. */
    DUMPED,
    /** This JDK cannot dump an archive (it has no base archive); the jar runs without one. */
    UNSUPPORTED
  }

  /** A training run that did not answer as listed, or did not end. */
  static final class TrainingFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    TrainingFailedException(String message) {
      super(message);
    }
  }

  private ClassDataArchive() {}

  /**
   * Runs the training run of {@code request} and writes the argument file; the archive from an
   * earlier run is deleted first, so that a failed run leaves none.
   *
   * @throws TrainingFailedException when an answer had another status than listed, the run failed
   *     otherwise or did not end in time; the message quotes the end of its log
   */
  static Outcome dump(Request request)
      throws IOException, InterruptedException, TrainingFailedException {
    Files.deleteIfExists(request.archive());
    Files.createDirectories(request.log().toAbsolutePath().getParent());
    writeArguments(request);
    List<String> command = new ArrayList<>();
    command.add(request.java().toString());
    command.addAll(request.jvmArguments());
    command.add("-XX:ArchiveClassesAtExit=" + request.archive().toAbsolutePath());
    command.add("-cp");
    command.add(request.jar().toAbsolutePath().toString());
    command.add(TRAINING_RUN);
    command.add(request.mainClass());
    command.addAll(request.requests());
    Process process =
        new ProcessBuilder(command)
            .directory(request.workingDirectory().toFile())
            .redirectErrorStream(true)
            .redirectOutput(request.log().toFile())
            .start();
    if (!process.waitFor(request.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      Files.deleteIfExists(request.archive());
      throw new TrainingFailedException(
          "the training run did not end within "
              + request.timeout().toSeconds()
              + " s"
              + tail(request.log()));
    }
    int status = process.exitValue();
    if (status == 0 && Files.isRegularFile(request.archive())) {
      return Outcome.DUMPED;
    }
    // The JVM writes the archive as it exits, whatever the status: one from a failed run is not
    // what the listed requests load.
    Files.deleteIfExists(request.archive());
    if (status == 1 && logContains(request.log(), NO_BASE_ARCHIVE)) {
      return Outcome.UNSUPPORTED;
    }
    throw new TrainingFailedException(
        (status == WRONG_ANSWER
                ? "the training run got an answer other than listed"
                : "the training run exited with status " + status)
            + tail(request.log()));
  }

  /**
   * Writes the options that map the archive, one per line: its path, relative to the working
   * directory when it is inside it, and the logging options that keep a JVM quiet when it cannot
   * use it.
   */
  static void writeArguments(Request request) throws IOException {
    Path base = request.workingDirectory().toAbsolutePath().normalize();
    Path archive = request.archive().toAbsolutePath().normalize();
    String path =
        (archive.startsWith(base) ? base.relativize(archive) : archive)
            .toString()
            .replace('\\', '/');
    String option = "-XX:SharedArchiveFile=" + path;
    List<String> lines =
        List.of(
            "# Written by hookc:executable-jar: maps the class-data archive of its training run.",
            "# Paths are relative to " + base + ". A missing or stale archive is ignored quietly.",
            option.contains(" ") ? "\"" + option + "\"" : option,
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off");
    Files.createDirectories(request.argumentsFile().toAbsolutePath().getParent());
    Files.write(request.argumentsFile(), lines, StandardCharsets.UTF_8);
  }

  private static boolean logContains(Path log, String text) throws IOException {
    return Files.isRegularFile(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "; the end of "
          + log
          + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "; see " + log;
    }
  }
}
