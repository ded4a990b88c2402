package dev.hookc.plugin;

import dev.hookc.compiler.CompilePlan;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.cache.FileFact;
import dev.hookc.compiler.delivery.RouteManifest;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.emit.EmitUnit;
import dev.hookc.compiler.emit.GeneratedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one generation: skipped when {@link IncrementalGeneration} finds the output current;
 * otherwise, when the last generation's {@link OutputManifest} and {@link AnalysisCache} allow, the
 * compiler reads only the files the change reaches and the units they reach are emitted ({@link
 * CachedGeneration}); failing that, the compiler loads, checks and binds the whole project and,
 * unless it refuses, emits either every unit or only the units that the changed inputs reach
 * ({@link PartialGeneration}); then the manifest, the cache and the state are remembered.
 */
final class SourceGenerator {
  /** The manifest's name, next to the state file. */
  static final String MANIFEST = "outputs.manifest";

  /**
   * Generates what {@code request} asks for.
   *
   * @throws IOException when the state or the sources cannot be written; the message names the file
   * @throws RuntimeException a bug in hookc
   */
  GenerationResult generate(GenerationRequest request) throws IOException {
    // Before anything can fail: an editor needs the schemas most while the YAML is still wrong.
    EditorSchemas.writeTo(request.stateFile().resolveSibling(EditorSchemas.DIRECTORY));
    IncrementalGeneration incremental = IncrementalGeneration.scan(request);
    if (incremental.isUpToDate()) {
      ApiDocsOutput.ensure(request, incremental.inputs());
      List<String> problems = new ArrayList<>(restoreRoutes(request));
      problems.addAll(remember(incremental, request));
      return new GenerationResult(
          GenerationResult.Outcome.UP_TO_DATE,
          List.of(),
          0,
          0,
          problems,
          incremental.notes(),
          -1,
          -1,
          -1,
          -1);
    }
    try {
      incremental.forget();
    } catch (IOException e) {
      throw new IOException("cannot delete " + request.stateFile(), e);
    }
    Path output = request.compile().outputDirectory();
    Path manifestFile = request.stateFile().resolveSibling(MANIFEST);
    Path cacheFile = request.stateFile().resolveSibling(AnalysisCache.NAME);
    Optional<IncrementalGeneration.Inputs> inputs = incremental.inputs();
    // Both files are read and parsed whole, and neither needs the other: the cache on another core.
    CompletableFuture<Optional<AnalysisCache>> cache =
        inputs.isPresent()
            ? CompletableFuture.supplyAsync(() -> AnalysisCache.read(cacheFile))
            : CompletableFuture.completedFuture(Optional.empty());
    Optional<OutputManifest> manifest = inputs.flatMap(in -> OutputManifest.read(manifestFile));
    Optional<CachedGeneration> cached =
        inputs.flatMap(in -> CachedGeneration.attempt(request, manifest, cache.join(), in));
    CompilePlan plan =
        cached
            .map(CachedGeneration::plan)
            .orElseGet(() -> new HookcCompiler().plan(request.compile()));
    if (plan.count(Severity.ERROR) > 0 && !plan.units().isEmpty()) {
      writeContracts(request, plan);
    }
    if (plan.count(Severity.ERROR) > 0
        || (request.failOnWarning() && plan.count(Severity.WARNING) > 0)) {
      // Nothing else is written, so the manifest still describes the output: the next build can
      // still regenerate only what changed since the last successful one.
      return new GenerationResult(
          GenerationResult.Outcome.FAILED,
          plan.diagnostics(),
          0,
          0,
          List.of(),
          incremental.notes(),
          -1,
          -1,
          -1,
          -1);
    }
    Optional<PartialGeneration> partial =
        cached
            .map(CachedGeneration::partial)
            .or(
                () ->
                    inputs.flatMap(
                        in -> PartialGeneration.select(manifest, in, plan.units(), output)));
    List<EmitUnit> units = partial.map(PartialGeneration::emit).orElse(plan.units());
    List<List<GeneratedSource>> emitted = units.parallelStream().map(EmitUnit::emit).toList();
    List<GeneratedSource> sources = emitted.stream().flatMap(List::stream).toList();
    int written;
    try {
      // Forgotten first: an interrupted write leaves no manifest, and the next build generates
      // everything.
      Files.deleteIfExists(manifestFile);
      Files.deleteIfExists(cacheFile);
      SourceWriter writer = new SourceWriter(output);
      written =
          partial.isPresent()
              ? writer.update(sources, partial.get().stale())
              : writer.write(sources);
    } catch (IOException e) {
      throw new IOException("cannot write generated sources to " + output, e);
    }
    List<String> problems = new ArrayList<>();
    Map<String, OutputManifest.Unit> recorded =
        new HashMap<>(partial.map(PartialGeneration::kept).orElse(Map.of()));
    for (int i = 0; i < units.size(); i++) {
      recorded.put(units.get(i).key(), OutputManifest.Unit.of(units.get(i), emitted.get(i)));
    }
    int files = recorded.values().stream().mapToInt(u -> u.outputs().size()).sum();
    // The same facts the cache remembers: a build that read every file and one that read only the
    // changed ones write the same manifest. A cached generation changed no file's facts (it
    // declines otherwise), so its routes are the last build's: written again only when missing.
    if (cached.isEmpty() || !Files.exists(request.stateFile().resolveSibling(RouteManifest.NAME))) {
      writeRoutes(request, cached.map(c -> c.cache().facts()).orElse(plan.facts()))
          .ifPresent(problems::add);
    }
    // Independent files: the cache and the manifest are written on another core while the OpenAPI
    // document, the largest, is assembled and written here.
    CompletableFuture<List<String>> remembered =
        inputs.isPresent()
            ? CompletableFuture.supplyAsync(
                () -> rememberGeneration(plan, cached, inputs.get(), recorded, request))
            : CompletableFuture.completedFuture(List.of());
    List<String> notes = new ArrayList<>(incremental.notes());
    try {
      notes.add(ApiDocsOutput.write(request, plan, cached, manifest, inputs));
    } finally {
      problems.addAll(remembered.join());
    }
    problems.addAll(remember(incremental, request));
    return new GenerationResult(
        GenerationResult.Outcome.GENERATED,
        plan.diagnostics(),
        files,
        written,
        problems,
        notes,
        partial.isPresent() ? sources.size() : -1,
        partial.map(PartialGeneration::changedInputs).orElse(-1),
        cached.map(CachedGeneration::read).orElse(-1),
        inputs.map(in -> CachedGeneration.withContent(in.files()).size()).orElse(-1));
  }

  /** Writes {@code routes.json} next to the state file; the warning to show when it cannot. */
  private static Optional<String> writeRoutes(
      GenerationRequest request, Map<String, FileFact> facts) {
    Path file = request.stateFile().resolveSibling(RouteManifest.NAME);
    List<String> entries = new ArrayList<>();
    facts.values().forEach(fact -> entries.addAll(fact.routes()));
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(RouteManifest.NAME + ".tmp");
      Files.writeString(temporary, RouteManifest.json(entries), StandardCharsets.UTF_8);
      Files.move(
          temporary,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return Optional.empty();
    } catch (IOException e) {
      // Not left behind stale: a later build that finds it missing writes it.
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // The warning below already says the file may be wrong.
      }
      return Optional.of("cannot write " + file);
    }
  }

  /**
   * Writes {@code routes.json} again from the analysis cache when the generation is up to date but
   * the file was deleted.
   */
  private static List<String> restoreRoutes(GenerationRequest request) {
    if (Files.exists(request.stateFile().resolveSibling(RouteManifest.NAME))) {
      return List.of();
    }
    return AnalysisCache.read(request.stateFile().resolveSibling(AnalysisCache.NAME))
        .flatMap(cache -> writeRoutes(request, cache.facts()))
        .stream()
        .toList();
  }

  /**
   * Writes the analysis cache and the manifest for the next build; the warnings to show when they
   * cannot be written.
   */
  private static List<String> rememberGeneration(
      CompilePlan plan,
      Optional<CachedGeneration> cached,
      IncrementalGeneration.Inputs inputs,
      Map<String, OutputManifest.Unit> recorded,
      GenerationRequest request) {
    List<String> problems = new ArrayList<>();
    rememberAnalysis(plan, cached, inputs, request.stateFile().resolveSibling(AnalysisCache.NAME))
        .ifPresent(problems::add);
    Path manifestFile = request.stateFile().resolveSibling(MANIFEST);
    try {
      new OutputManifest(inputs, recorded).write(manifestFile);
    } catch (IOException e) {
      problems.add("cannot write " + manifestFile + "; the next change regenerates everything");
    }
    return problems;
  }

  /**
   * Writes the analysis cache for the next build: the cached generation's, renewed, or the whole
   * plan's facts and diagnostics; the warning to show when it cannot.
   */
  private static Optional<String> rememberAnalysis(
      CompilePlan plan,
      Optional<CachedGeneration> cached,
      IncrementalGeneration.Inputs inputs,
      Path cacheFile) {
    AnalysisCache next =
        cached
            .map(CachedGeneration::cache)
            .orElseGet(
                () ->
                    new AnalysisCache(
                        "", "", plan.facts(), AnalysisCache.byFile(plan.diagnostics())));
    try {
      new AnalysisCache(inputs.settings(), inputs.digest(), next.facts(), next.diagnostics())
          .write(cacheFile);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot write " + cacheFile + "; the next change reads every file");
    }
  }

  /**
   * Writes the contracts a failed build still generates (those of Java functions, for a missing
   * class to implement), leaving the other generated files alone. The manifest is forgotten: it no
   * longer describes the output, so the next successful build writes everything afresh, removing a
   * contract no longer called.
   */
  private static void writeContracts(GenerationRequest request, CompilePlan plan)
      throws IOException {
    Path output = request.compile().outputDirectory();
    try {
      Files.deleteIfExists(request.stateFile().resolveSibling(MANIFEST));
      Files.deleteIfExists(request.stateFile().resolveSibling(AnalysisCache.NAME));
      List<GeneratedSource> sources =
          plan.units().stream().flatMap(unit -> unit.emit().stream()).toList();
      new SourceWriter(output).update(sources, java.util.Set.of());
    } catch (IOException e) {
      throw new IOException("cannot write generated sources to " + output, e);
    }
  }

  /** Remembers the current state; the warning to show when it cannot. */
  private static List<String> remember(
      IncrementalGeneration incremental, GenerationRequest request) {
    return incremental.remember()
        ? List.of()
        : List.of("cannot write " + request.stateFile() + "; the next build generates again");
  }
}
