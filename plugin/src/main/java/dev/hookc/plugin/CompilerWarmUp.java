package dev.hookc.plugin;

import dev.hookc.compiler.CompilePlan;
import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.emit.ApiDocument;
import dev.hookc.compiler.emit.EmitUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Compiles and emits a small built-in project on another core, its result discarded, while a
 * changed build is still checking its inputs.
 *
 * <p>Maven runs each build in a fresh JVM. When one event of a thousand changes, the compiler then
 * reads, checks and emits a few files, but the JVM first loads, links and initialises some 1,400
 * classes for it (hookc's, SnakeYAML's, JavaPoet's, jsonschema2pojo's) and spins its lambdas: most
 * of that step's time, spent on the main thread while the second core is idle or compiling. The
 * warm-up does that loading on the second core during the input check, the manifest and the
 * analysis cache (measured in docs/performance.md). It shares nothing with the build but the
 * classes: its own request, directory and diagnostics; and it runs once per JVM, so that {@code
 * hookc:run}, which regenerates in the JVM it keeps, pays for it once.
 */
final class CompilerWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final String PACKAGE = "dev.hookc.warmup";

  private CompilerWarmUp() {}

  /** Starts the warm-up on a thread of its own, unless this JVM ran it already. */
  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(CompilerWarmUp::run, "hookc-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    Path directory = null;
    try {
      directory = Files.createTempDirectory("hookc-warm-up");
      compileIn(directory);
    } catch (IOException | RuntimeException | LinkageError e) {
      // Nothing depends on it: the build does the same work itself, only later.
    } finally {
      delete(directory);
    }
  }

  /**
   * Writes the built-in project to {@code directory}, compiles and emits it and renders its OpenAPI
   * document: what the warm-up does.
   */
  static CompilePlan compileIn(Path directory) throws IOException {
    Path events = directory.resolve("src/events");
    Path functions = directory.resolve("src/functions");
    copy("event.yaml", events.resolve("warm-up.yaml"));
    copy("workflow.yaml", functions.resolve("warm_up.yaml"));
    CompilePlan plan =
        new HookcCompiler()
            .plan(
                new CompileRequest(
                    directory,
                    events,
                    functions,
                    directory.resolve("src/definitions"),
                    directory.resolve("src/main/java"),
                    directory.resolve("generated"),
                    PACKAGE));
    plan.units().forEach(EmitUnit::emit);
    plan.apiDocs().ifPresent(CompilerWarmUp::render);
    return plan;
  }

  /** Renders the document as a changed build does (its text is made on demand); discarded. */
  @SuppressWarnings("ReturnValueIgnored") // the rendering is the point, not the text
  private static void render(ApiDocument document) {
    document.json();
    document.yaml();
  }

  private static void copy(String resource, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (InputStream in = CompilerWarmUp.class.getResourceAsStream("warm-up/" + resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      Files.copy(in, target);
    }
  }

  private static void delete(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory left behind is the system's to clean.
    }
  }
}
