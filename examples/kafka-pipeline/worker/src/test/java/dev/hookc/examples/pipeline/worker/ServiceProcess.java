package dev.hookc.examples.pipeline.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated hookc application running in a JVM of its own, as it is deployed: its {@code
 * HookcApplication.main}, its own classes (and not the other service's) with the runtime
 * dependencies, settings from the environment only, its own data directory, {@code PORT=0}. {@link
 * #close()} stops it as a deployment does (SIGTERM), and kills it if it lingers.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Pattern SERVING =
      Pattern.compile("^hookc: serving .* on http://[^:]+:(\\d+)");
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final String name;
  private final Process process;
  private final Path log;
  private final CompletableFuture<Integer> port = new CompletableFuture<>();

  private ServiceProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    Thread reader = new Thread(this::readOutput, name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code application}'s class's {@code main} with this JVM's class path less the classes
   * of {@code others} (the other service, the tests), {@code environment} on top of this process's,
   * logging to {@code <data>/<name>.log}. Returns at once; {@link #awaitPort} waits for it to
   * serve.
   */
  static ServiceProcess start(
      String name,
      Class<?> application,
      List<Class<?>> others,
      Map<String, String> environment,
      Path data) {
    List<Path> excluded = others.stream().map(ServiceProcess::location).toList();
    List<String> classpath = new ArrayList<>();
    for (String entry :
        System.getProperty("java.class.path").split(java.io.File.pathSeparator, -1)) {
      if (!entry.isEmpty() && !excluded.contains(Path.of(entry).toAbsolutePath().normalize())) {
        classpath.add(entry);
      }
    }
    Path log = data.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A small service on a busy machine: C1 alone starts it sooner.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-cp",
                String.join(java.io.File.pathSeparator, classpath),
                application.getName())
            .directory(data.toFile())
            .redirectError(log.toFile());
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(data);
      return new ServiceProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath()
          .normalize();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void readOutput() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        Matcher serving = SERVING.matcher(line);
        if (serving.find()) {
          port.complete(Integer.parseInt(serving.group(1)));
        }
      }
    } catch (IOException e) {
      // The process ended: whoever waits learns it below.
    }
    port.completeExceptionally(
        new IllegalStateException(name + " ended before serving; its log:\n" + log()));
  }

  /** Waits up to {@code timeout} for the application's "serving" line; its port. */
  int awaitPort(Duration timeout) throws InterruptedException {
    try {
      return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          name + " did not serve within " + timeout + "; its log:\n" + log(), e);
    }
  }

  /** The application's base URI, once it serves. */
  URI baseUri(Duration timeout) throws InterruptedException {
    return URI.create("http://127.0.0.1:" + awaitPort(timeout));
  }

  /** What the application logged so far (its standard error). */
  String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** SIGTERM, then SIGKILL if it still runs after the grace. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
