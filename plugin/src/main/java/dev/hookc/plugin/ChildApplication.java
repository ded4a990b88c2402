package dev.hookc.plugin;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's application in a JVM of its own, started with {@code java}: its output is passed on
 * line by line, and it is stopped the way a deployment stops it, with SIGTERM, so that the server
 * drains its requests, then, after a grace period, forcibly.
 */
final class ChildApplication {
  /** The line the generated {@code main} prints once it accepts connections. */
  private static final Pattern SERVING = Pattern.compile("hookc: serving .* on http://\\S+:(\\d+)");

  /**
   * How to start the application.
   *
   * @param java the {@code java} executable
   * @param jvmArguments the JVM's options, before the main class
   * @param classpath the classes directory and the runtime dependencies
   * @param mainClass the class whose {@code main} runs
   * @param workingDirectory the project directory, as for {@code java -jar}
   * @param environment variables set on top of the inherited environment
   */
  record Command(
      Path java,
      List<String> jvmArguments,
      List<Path> classpath,
      String mainClass,
      Path workingDirectory,
      Map<String, String> environment) {
    Command {
      jvmArguments = List.copyOf(jvmArguments);
      classpath = List.copyOf(classpath);
      environment = Map.copyOf(environment);
    }

    /** This command with {@code options} after its JVM options. */
    Command withJvmArguments(List<String> options) {
      List<String> all = new ArrayList<>(jvmArguments);
      all.addAll(options);
      return new Command(java, all, classpath, mainClass, workingDirectory, environment);
    }

    /** The command line. */
    List<String> line() {
      List<String> line = new ArrayList<>();
      line.add(java.toString());
      line.addAll(jvmArguments);
      line.add("-classpath");
      line.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
      line.add(mainClass);
      return line;
    }
  }

  private final Process process;
  private final CountDownLatch serving = new CountDownLatch(1);
  private final Thread pump;
  private volatile int port = -1;
  private volatile boolean stopping;

  private ChildApplication(Process process, Consumer<String> output, IntConsumer ownExit) {
    this.process = process;
    this.pump = new Thread(() -> pump(output, ownExit), "hookc-application-output");
    pump.setDaemon(true);
    pump.start();
  }

  /**
   * Starts {@code command}, passing each line the application prints, on standard output or error,
   * to {@code output}, and its exit status to {@code ownExit} when it exits by itself rather than
   * because {@link #stop} stopped it.
   */
  static ChildApplication start(Command command, Consumer<String> output, IntConsumer ownExit)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command.line())
            .directory(command.workingDirectory().toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(command.environment());
    Process process = builder.start();
    // Nothing is sent to it: its standard input ends at once.
    process.getOutputStream().close();
    return new ChildApplication(process, output, ownExit);
  }

  /**
   * Waits until the application says it is serving; false when it exited first or {@code timeout}
   * passed.
   */
  boolean awaitServing(Duration timeout) throws InterruptedException {
    return serving.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && port >= 0;
  }

  /** The port the application said it serves on; -1 until it did. */
  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the application has exited and its output is passed on; its exit status. */
  int awaitExit() throws InterruptedException {
    int status = process.waitFor();
    pump.join(TimeUnit.SECONDS.toMillis(5));
    return status;
  }

  /**
   * Stops the application: SIGTERM, which lets the server finish the requests in flight, then, if
   * it is still running after {@code grace}, SIGKILL. Returns its exit status.
   */
  int stop(Duration grace) throws InterruptedException {
    stopping = true;
    // Through the handle: Process.destroy() sends the same signal but also closes the streams, and
    // the lines the server prints while it stops would be lost.
    process.toHandle().destroy();
    if (!process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
      process.toHandle().destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    pump.join(TimeUnit.SECONDS.toMillis(5));
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** Kills the application at once, without letting it stop. */
  void kill() {
    stopping = true;
    process.toHandle().destroyForcibly();
  }

  private void pump(Consumer<String> output, IntConsumer ownExit) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), Charset.defaultCharset()))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.accept(line);
        if (serving.getCount() > 0) {
          Matcher matcher = SERVING.matcher(line);
          if (matcher.find()) {
            port = Integer.parseInt(matcher.group(1));
            serving.countDown();
          }
        }
      }
    } catch (IOException e) {
      // The stream closes when the process ends.
    } finally {
      serving.countDown();
    }
    try {
      int status = process.waitFor();
      if (!stopping) {
        ownExit.accept(status);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
