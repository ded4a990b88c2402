package dev.hookc.plugin;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps the JIT's optimizing compiler (C2) off the generator's own code in Maven's JVM, through a
 * compiler directive added as {@code jcmd Compiler.directives_add} would.
 *
 * <p>A clean build runs the generator once in a cold JVM. Profiled at N = 1,000 events, C2 spent
 * about 12 s of CPU compiling JavaPoet's, SnakeYAML's and hookc's large methods (each compiled
 * after most of the work was done, several twice) against 7 s of generating on the main thread: on
 * two cores it took the core the generator needed. Left to the quick C1 compiler, that code runs
 * about as fast for a run this short, and the build uses about a quarter less CPU (measured in
 * docs/performance.md). The JDK's own code still gets C2. The directive stays for the life of the
 * JVM and matches only the generator's packages, so nothing else in the build is affected.
 */
final class GeneratorJit {
  /** The directive: no C2 for the generator and the libraries it drives. */
  static final String DIRECTIVE =
      "[{match: [\"dev/hookc/*.*\", \"com/palantir/javapoet/*.*\", \"org/yaml/snakeyaml/*.*\","
          + " \"org/jsonschema2pojo/*.*\", \"com/sun/codemodel/*.*\","
          + " \"com/github/javaparser/*.*\"], c2: {Exclude: true}}]";

  private static final AtomicReference<CompletableFuture<String>> ADDED = new AtomicReference<>();

  private GeneratorJit() {}

  /**
   * Adds the directive once per JVM, on a thread of its own (finding the JVM's management server
   * takes a few hundred milliseconds the first time, which the generator should not wait for).
   *
   * @return what the JVM answered, or why it could not be added (a JVM without the diagnostic
   *     command bean; the build goes on either way)
   */
  static CompletableFuture<String> install() {
    CompletableFuture<String> fresh = new CompletableFuture<>();
    if (!ADDED.compareAndSet(null, fresh)) {
      return ADDED.get();
    }
    Thread thread = new Thread(() -> fresh.complete(add()), "hookc-jit-directive");
    thread.setDaemon(true);
    thread.start();
    return fresh;
  }

  private static String add() {
    try {
      Path file = Files.createTempFile("hookc-jit", ".json");
      try {
        Files.writeString(file, DIRECTIVE);
        return String.valueOf(command("compilerDirectivesAdd", file.toString())).trim();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (java.io.IOException | JMException | RuntimeException e) {
      return "the JIT directive could not be added: " + e;
    }
  }

  /** Runs a diagnostic command ({@code compilerDirectivesPrint}, ...) and returns its output. */
  static Object command(String operation, String... arguments) throws JMException {
    return ManagementFactory.getPlatformMBeanServer()
        .invoke(
            new ObjectName("com.sun.management:type=DiagnosticCommand"),
            operation,
            new Object[] {arguments},
            new String[] {String[].class.getName()});
  }
}
