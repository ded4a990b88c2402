package dev.hookc.plugin;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Times what {@code generate-sources} does for a project — {@link HookcCompiler#compile} and the
 * plugin's {@link SourceWriter} — in this JVM, without Maven, and with {@code --jfr FILE} says
 * where the time went: Java samples by stage, the hottest methods, and the JIT's compilations.
 *
 * <p>It lives in the plugin's package because {@link SourceWriter} is deliberately package-private.
 * Run it in a fresh JVM per measurement: a clean build runs in Maven's cold JVM, so the first round
 * is the one that matches it; later rounds ({@code --rounds}) show the same work warm. Usage:
 * {@code GenerationProfile <project> <package> [--rounds N] [--jfr FILE]}, or {@code
 * GenerationProfile --report FILE} to read a recording again.
 */
public final class GenerationProfile {

  private GenerationProfile() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--report")) {
      new Report(Path.of(args[1])).print();
      return;
    }
    Path project = Path.of(args[0]).toAbsolutePath();
    String packageName = args[1];
    int rounds = 1;
    Path jfr = null;
    for (int i = 2; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--jfr" -> jfr = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    Recording recording = jfr == null ? null : startRecording();
    // As generate-sources does on a clean build; JIT_DIRECTIVE=0 measures without it.
    java.util.concurrent.CompletableFuture<String> jit =
        "0".equals(System.getenv("JIT_DIRECTIVE"))
            ? java.util.concurrent.CompletableFuture.completedFuture("none (JIT_DIRECTIVE=0)")
            : GeneratorJit.install();
    CompileRequest request =
        new CompileRequest(
            project,
            project.resolve("src/events"),
            project.resolve("src/functions"),
            project.resolve("src/definitions"),
            project.resolve("src/main/java"),
            project.resolve("target/generated-sources/hookc"),
            packageName);
    for (int round = 1; round <= rounds; round++) {
      round(round, request);
    }
    System.out.println("JIT directive: " + jit.get());
    if (recording != null) {
      recording.stop();
      recording.dump(jfr);
      new Report(jfr).print();
    }
  }

  private static void round(int round, CompileRequest request) throws IOException {
    deleteTree(request.outputDirectory());
    Snapshot start = Snapshot.now();
    CompileResult result = new HookcCompiler().compile(request);
    Snapshot compiled = Snapshot.now();
    int written = new SourceWriter(request.outputDirectory()).write(result.sources());
    Snapshot end = Snapshot.now();
    long bytes = result.sources().stream().mapToLong(s -> s.content().length()).sum();
    System.out.printf(
        Locale.ROOT,
        "round %d: %d sources (%.1f MB), %d written, %d diagnostics; load average %.2f%n",
        round,
        result.sources().size(),
        bytes / 1e6,
        written,
        result.diagnostics().size(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("  compile: " + compiled.since(start));
    System.out.println("  write:   " + end.since(compiled));
    System.out.println("  total:   " + end.since(start));
  }

  private static Recording startRecording() throws Exception {
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
    recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
    recording.start();
    return recording;
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var walk = Files.walk(directory)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The JVM's counters at one moment: wall, process CPU, this thread's CPU, JIT, GC, classes. */
  private record Snapshot(
      long wallNanos,
      long cpuNanos,
      long threadCpuNanos,
      long jitMillis,
      long gcMillis,
      long classes,
      long allocated) {

    static Snapshot now() {
      CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      long gc = 0;
      for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
        gc += Math.max(0, bean.getCollectionTime());
      }
      return new Snapshot(
          System.nanoTime(),
          ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L),
          ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(),
          jit.getTotalCompilationTime(),
          gc,
          ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
          allocatedBytes());
    }

    /**
     * The bytes the live threads have allocated: how much work was done, in a figure that other
     * load on the machine does not change (the compiler's worker threads outlive a round).
     */
    private static long allocatedBytes() {
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long total = 0;
      for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
        total += Math.max(0, bytes);
      }
      return total;
    }

    String since(Snapshot start) {
      return String.format(
          Locale.ROOT,
          "wall %6d ms, process CPU %6d ms, main thread CPU %6d ms, JIT %6d ms, GC %5d ms,"
              + " %5d classes loaded, %6d MB allocated",
          (wallNanos - start.wallNanos) / 1_000_000,
          (cpuNanos - start.cpuNanos) / 1_000_000,
          (threadCpuNanos - start.threadCpuNanos) / 1_000_000,
          jitMillis - start.jitMillis,
          gcMillis - start.gcMillis,
          classes - start.classes,
          (allocated - start.allocated) / 1_000_000);
    }
  }

  /** What a recording says: samples by stage and by method, and the JIT's work. */
  private static final class Report {
    private final Map<String, Integer> stages = new HashMap<>();
    private final Map<String, Integer> leaves = new HashMap<>();
    private final Map<String, Integer> callers = new HashMap<>();
    private final Map<String, long[]> jit = new HashMap<>();
    private int samples;

    Report(Path file) throws IOException {
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        switch (event.getEventType().getName()) {
          case "jdk.ExecutionSample" -> sample(event.getStackTrace());
          case "jdk.Compilation" -> compilation(event);
          default -> {}
        }
      }
    }

    private void sample(RecordedStackTrace stack) {
      if (stack == null) {
        return;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      stages.merge(stage(frames), 1, Integer::sum);
      if (!frames.isEmpty()) {
        RecordedFrame top = frames.get(0);
        leaves.merge(
            top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
      }
      // The JDK's own methods (regexes, collections, strings) are charged to who called them.
      frames.stream()
          .filter(f -> !f.getMethod().getType().getName().startsWith("java."))
          .findFirst()
          .ifPresent(
              f ->
                  callers.merge(
                      f.getMethod().getType().getName() + "." + f.getMethod().getName(),
                      1,
                      Integer::sum));
    }

    /**
     * The stage a sample belongs to: the library doing the work if the sample is in one, named with
     * the hookc stage that called it, else the innermost hookc package.
     */
    private static String stage(List<RecordedFrame> frames) {
      String library = null;
      for (RecordedFrame frame : frames) {
        String type = frame.getMethod().getType().getName();
        String method = frame.getMethod().getName();
        if (library == null) {
          library = library(type, method);
        }
        if (type.equals("dev.hookc.plugin.SourceWriter")) {
          return "write files";
        }
        if (type.startsWith("dev.hookc.compiler.")) {
          String hookc = type.substring("dev.hookc.compiler.".length());
          hookc = hookc.contains(".") ? hookc.substring(0, hookc.indexOf('.')) : hookc;
          return library == null ? "hookc " + hookc : library + " (from " + hookc + ")";
        }
      }
      return library == null ? "other" : library;
    }

    private static String library(String type, String method) {
      if (type.startsWith("com.palantir.javapoet.")) {
        return type.endsWith("CodeWriter")
                || type.endsWith("LineWrapper")
                || method.equals("writeTo")
                || method.equals("toString")
            ? "JavaPoet render"
            : "JavaPoet build";
      }
      if (type.startsWith("org.jsonschema2pojo.")) {
        return "jsonschema2pojo";
      }
      if (type.startsWith("com.sun.codemodel.")) {
        return "codemodel";
      }
      if (type.startsWith("org.yaml.snakeyaml.")) {
        return "SnakeYAML";
      }
      if (type.startsWith("com.fasterxml.jackson.")) {
        return "Jackson";
      }
      if (type.startsWith("java.util.regex.")) {
        return "regex";
      }
      return null;
    }

    private void compilation(RecordedEvent event) {
      String compiler = event.getInt("compileLevel") == 4 ? "C2" : "C1";
      long[] totals = jit.computeIfAbsent(compiler, k -> new long[2]);
      totals[0]++;
      totals[1] += event.getDuration().toMillis();
    }

    void print() {
      System.out.printf(Locale.ROOT, "Java samples: %d (every 5 ms per running thread)%n", samples);
      top(stages, 20);
      System.out.println("hottest methods (top frame):");
      top(leaves, 15);
      System.out.println("hottest methods outside java.* (the JDK's time charged to its caller):");
      top(callers, 20);
      jit.forEach(
          (compiler, t) ->
              System.out.printf(
                  Locale.ROOT, "JIT %s: %d compilations, %d ms%n", compiler, t[0], t[1]));
    }

    private void top(Map<String, Integer> counts, int limit) {
      List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
      sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
      for (Map.Entry<String, Integer> entry : sorted.subList(0, Math.min(limit, sorted.size()))) {
        System.out.printf(
            Locale.ROOT,
            "  %5.1f %%  %5d  %s%n",
            100.0 * entry.getValue() / samples,
            entry.getValue(),
            entry.getKey());
      }
    }
  }
}
