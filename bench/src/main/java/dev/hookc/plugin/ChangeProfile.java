package dev.hookc.plugin;

import dev.hookc.compiler.CompilePlan;
import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.analysis.Analysis;
import dev.hookc.compiler.analysis.Analyzer;
import dev.hookc.compiler.bind.Binder;
import dev.hookc.compiler.bind.BoundProject;
import dev.hookc.compiler.cache.FileFacts;
import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.delivery.DeliveryChecker;
import dev.hookc.compiler.delivery.DeliveryGuarantees;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.emit.EmitUnit;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.compiler.emit.ProjectEmitter;
import dev.hookc.compiler.load.ProjectLoader;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.naming.Names;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times what {@code generate-sources} does after one event of a generated project changed, in this
 * (cold) JVM, without Maven: the plugin's {@link SourceGenerator} as a whole ({@code goal}; {@code
 * goal-uncached} deletes the analysis cache first), or its steps one by one with the compiler's
 * stages apart ({@code stages}). Each run first edits the project's first event (a {@code
 * maxLength} one up, or back), so that every run sees exactly one changed event since the last
 * generation. {@code prepare} makes that last generation: a clean one. {@code cached} times the
 * steps with the analysis cache that generation left ({@code target/hookc/analysis.cache}), reading
 * only the files the change reaches; {@code stages} deletes that cache first and times the path
 * that reads every file.
 *
 * <p>Usage: {@code ChangeProfile prepare|goal|goal-uncached|stages|cached <project> <package>
 * [--rounds K]}; with {@code stages} and {@code cached}, K &gt; 1 repeats the change and the
 * generation in the same, warming JVM ({@code cached} then finds the cache each round left).
 */
public final class ChangeProfile {
  private static final Pattern MAX_ITEMS = Pattern.compile("maxItems: (\\d+)");

  private ChangeProfile() {}

  public static void main(String[] args) throws Exception {
    Path project = Path.of(args[1]).toAbsolutePath();
    GenerationRequest request =
        new GenerationRequest(
            new CompileRequest(
                project,
                project.resolve("src/events"),
                project.resolve("src/functions"),
                project.resolve("src/definitions"),
                project.resolve("src/main/java"),
                project.resolve("target/generated-sources/hookc"),
                args[2]),
            project.resolve("target/hookc/inputs.sha256"),
            false,
            "profile",
            "profile");
    switch (args[0]) {
      case "prepare" -> {
        deleteTree(project.resolve("target"));
        GenerationResult result = new SourceGenerator().generate(request);
        System.out.println("prepared: " + result.summary(0));
      }
      case "goal", "goal-uncached" -> {
        if (args[0].equals("goal-uncached")) {
          Files.deleteIfExists(request.stateFile().resolveSibling(AnalysisCache.NAME));
        }
        for (int round = 1; round <= rounds(args); round++) {
          changeOneEvent(project);
          Clock start = Clock.now();
          GenerationResult result = new SourceGenerator().generate(request);
          System.out.println(
              String.format(Locale.ROOT, "%-10s %s", "goal", Clock.now().since(start))
                  + "  "
                  + result.summary(0)
                  + ", "
                  + result.diagnostics().size()
                  + " diagnostics");
        }
      }
      case "stages", "cached" -> {
        for (int round = 1; round <= rounds(args); round++) {
          changeOneEvent(project);
          if (args[0].equals("cached")) {
            cachedStages(request);
          } else {
            stages(request);
          }
        }
      }
      default -> throw new IllegalArgumentException("unknown mode: " + args[0]);
    }
  }

  /**
   * The {@code --rounds K} argument: how many times to change the event and generate; 1 without.
   */
  private static int rounds(String[] args) {
    return args.length > 4 && args[3].equals("--rounds") ? Integer.parseInt(args[4]) : 1;
  }

  /**
   * {@link SourceGenerator#generate}'s steps on the path it takes with the analysis cache in place,
   * timed one by one.
   */
  private static void cachedStages(GenerationRequest request) throws IOException {
    Stages t = new Stages();
    IncrementalGeneration incremental = IncrementalGeneration.scan(request);
    if (incremental.isUpToDate()) {
      throw new IllegalStateException("expected a change");
    }
    incremental.forget();
    t.lap("check");
    Path output = request.compile().outputDirectory();
    Path manifestFile = request.stateFile().resolveSibling(SourceGenerator.MANIFEST);
    Path cacheFile = request.stateFile().resolveSibling(AnalysisCache.NAME);
    Optional<OutputManifest> manifest = OutputManifest.read(manifestFile);
    Optional<AnalysisCache> cache = AnalysisCache.read(cacheFile);
    t.lap("manifest+cache read");
    IncrementalGeneration.Inputs inputs = incremental.inputs().get();
    CachedGeneration cached =
        CachedGeneration.attempt(request, manifest, cache, inputs)
            .orElseThrow(() -> new IllegalStateException("the analysis cache was not used"));
    t.lap("read, check, bind the reached files; select");
    PartialGeneration partial = cached.partial();
    List<List<GeneratedSource>> emitted =
        partial.emit().parallelStream().map(EmitUnit::emit).toList();
    List<GeneratedSource> sources = emitted.stream().flatMap(List::stream).toList();
    t.lap("emit");
    Files.deleteIfExists(manifestFile);
    Files.deleteIfExists(cacheFile);
    int written = new SourceWriter(output).update(sources, partial.stale());
    t.lap("write");
    Map<String, OutputManifest.Unit> recorded = new TreeMap<>(partial.kept());
    for (int i = 0; i < partial.emit().size(); i++) {
      recorded.put(
          partial.emit().get(i).key(),
          OutputManifest.Unit.of(partial.emit().get(i), emitted.get(i)));
    }
    new OutputManifest(inputs, recorded).write(manifestFile);
    new AnalysisCache(
            inputs.settings(),
            inputs.digest(),
            cached.cache().facts(),
            cached.cache().diagnostics())
        .write(cacheFile);
    incremental.remember();
    t.lap("record");
    System.out.printf(
        Locale.ROOT,
        "%d files read of %d, %d emitted, %d sources, %d written, %d diagnostics%n",
        cached.read(),
        CachedGeneration.withContent(inputs.files()).size(),
        partial.emit().size(),
        sources.size(),
        written,
        cached.plan().diagnostics().size());
    t.total();
  }

  /**
   * {@link SourceGenerator#generate}'s steps on the path it takes without the analysis cache, which
   * reads every file, timed one by one.
   */
  private static void stages(GenerationRequest request) throws IOException {
    Files.deleteIfExists(request.stateFile().resolveSibling(AnalysisCache.NAME));
    Stages t = new Stages();
    IncrementalGeneration incremental = IncrementalGeneration.scan(request);
    if (incremental.isUpToDate()) {
      throw new IllegalStateException("expected a change");
    }
    incremental.forget();
    t.lap("check");
    CompilePlan plan = plan(request.compile(), t);
    Path output = request.compile().outputDirectory();
    Path manifestFile = request.stateFile().resolveSibling(SourceGenerator.MANIFEST);
    Optional<OutputManifest> manifest = OutputManifest.read(manifestFile);
    t.lap("manifest");
    PartialGeneration partial =
        PartialGeneration.select(manifest, incremental.inputs().get(), plan.units(), output)
            .orElseThrow();
    t.lap("select");
    List<List<GeneratedSource>> emitted =
        partial.emit().parallelStream().map(EmitUnit::emit).toList();
    List<GeneratedSource> sources = emitted.stream().flatMap(List::stream).toList();
    t.lap("emit");
    Files.deleteIfExists(manifestFile);
    int written = new SourceWriter(output).update(sources, partial.stale());
    t.lap("write");
    Map<String, OutputManifest.Unit> recorded = new TreeMap<>(partial.kept());
    for (int i = 0; i < partial.emit().size(); i++) {
      recorded.put(
          partial.emit().get(i).key(),
          OutputManifest.Unit.of(partial.emit().get(i), emitted.get(i)));
    }
    IncrementalGeneration.Inputs inputs = incremental.inputs().get();
    new OutputManifest(inputs, recorded).write(manifestFile);
    // Left for a following cached run, as the goal leaves it.
    new AnalysisCache(
            inputs.settings(),
            inputs.digest(),
            plan.facts(),
            AnalysisCache.byFile(plan.diagnostics()))
        .write(request.stateFile().resolveSibling(AnalysisCache.NAME));
    incremental.remember();
    t.lap("record");
    System.out.printf(
        Locale.ROOT,
        "%d units, %d emitted, %d sources, %d written, %d diagnostics%n",
        plan.units().size(),
        partial.emit().size(),
        sources.size(),
        written,
        plan.diagnostics().size());
    t.total();
  }

  /** {@link HookcCompiler#plan}'s stages, timed one by one. */
  private static CompilePlan plan(CompileRequest request, Stages t) {
    Diagnostics diagnostics = new Diagnostics();
    Project project =
        new ProjectLoader(request.projectDirectory(), diagnostics)
            .load(
                request.eventsDirectory(),
                request.functionsDirectory(),
                request.definitionsDirectory(),
                request.projectDirectory().resolve("config"),
                java.util.Optional.of(
                    new ProjectLoader.JavaFunctionPackage(
                        FunctionTable.functionsDirectory(
                            request.javaSourceDirectory(), request.packageName()),
                        FunctionTable.functionsPackage(request.packageName()))));
    t.lap("load");
    FunctionTable functions =
        new FunctionTable(
            project,
            request.projectDirectory(),
            request.javaSourceDirectory(),
            request.packageName());
    Names names = new Names(request.packageName());
    t.lap("functions");
    Analysis analysis = new Analyzer(names, diagnostics).analyze(project, functions);
    t.lap("analyze");
    DeliveryGuarantees guarantees = new DeliveryChecker(diagnostics).check(project, functions);
    t.lap("delivery");
    BoundProject bound = new Binder(names, request.project()).bind(project, analysis);
    t.lap("bind");
    List<EmitUnit> units = new ProjectEmitter().plan(bound);
    t.lap("emit plan");
    var facts = FileFacts.of(project, bound, guarantees);
    t.lap("file facts");
    return new CompilePlan(diagnostics.sorted(), units, facts);
  }

  /** Edits the first event: its first {@code maxItems} one up, or back to what it was. */
  private static void changeOneEvent(Path project) throws IOException {
    Path event;
    try (var files = Files.walk(project.resolve("src/events"))) {
      event = files.filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
    }
    Path original = project.resolve("target/original-event.yaml");
    String text = Files.readString(event);
    if (!Files.exists(original)) {
      Files.writeString(original, text);
    }
    String before = Files.readString(original);
    String changed;
    if (text.equals(before)) {
      Matcher m = MAX_ITEMS.matcher(text);
      if (!m.find()) {
        throw new IllegalStateException("no maxItems in " + event);
      }
      changed =
          text.substring(0, m.start())
              + "maxItems: "
              + (Integer.parseInt(m.group(1)) + 1)
              + text.substring(m.end());
    } else {
      changed = before;
    }
    Files.writeString(event, changed);
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

  /** Wall, process CPU and this thread's CPU at one moment. */
  private record Clock(long wall, long cpu, long thread) {
    static Clock now() {
      return new Clock(
          System.nanoTime(),
          ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L),
          ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
    }

    String since(Clock start) {
      return String.format(
          Locale.ROOT,
          "wall %6d ms  CPU %6d ms  main thread %6d ms",
          (wall - start.wall) / 1_000_000,
          (cpu - start.cpu) / 1_000_000,
          (thread - start.thread) / 1_000_000);
    }
  }

  /** Laps of one run. */
  private static final class Stages {
    private final Clock start = Clock.now();
    private Clock last = start;

    private int classes = loadedClasses();

    void lap(String name) {
      Clock now = Clock.now();
      int loaded = loadedClasses();
      System.out.printf(
          Locale.ROOT, "%-10s %s  %5d classes loaded%n", name, now.since(last), loaded - classes);
      classes = loaded;
      last = now;
    }

    private static int loadedClasses() {
      return ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    }

    void total() {
      System.out.printf(
          Locale.ROOT,
          "%-10s %s  load %.2f%n",
          "total",
          Clock.now().since(start),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
