package dev.hookc.plugin;

import dev.hookc.compiler.CompilePlan;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.cache.FileFact;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.emit.EmitUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A generation that reads only the files a change reaches, when the last successful generation left
 * its {@link OutputManifest} and {@link AnalysisCache}: the changed event and workflow files,
 * everything the units they reach depend on (their recorded origins), and the workflows those files
 * name. Every other file is neither read nor checked; its diagnostics are replayed from the cache.
 *
 * <p>It declines — and the build reads every file — whenever it cannot show that the result is a
 * whole build's: a file added or removed, a change to anything but event and workflow files ({@code
 * http.yaml}, the configuration, shared definitions and Java functions reach every file), an error,
 * a changed file whose facts (routes, names, functions it names, shared definitions in use) differ
 * from what the cache says, or a unit whose origins came out differently. Equal facts mean that
 * every check across files answers as before and that the project-wide classes stay as they are.
 *
 * @param plan the diagnostics of the whole project (those of the files read, and the others'
 *     replayed) and the units of the files read
 * @param partial the units to emit and those kept
 * @param cache what to remember for the next build, less the inputs' digest
 * @param read how many input files were read: {@code http.yaml}, the configuration, the shared
 *     definitions and the Java functions' sources, and the event and workflow files the change
 *     reaches
 * @param loaded the event and workflow files read: the document's parts of the others are kept
 */
record CachedGeneration(
    CompilePlan plan,
    PartialGeneration partial,
    AnalysisCache cache,
    int read,
    Set<String> loaded) {

  CachedGeneration {
    loaded = Set.copyOf(loaded);
  }

  /** The generation for {@code inputs}, or empty when every file must be read. */
  static Optional<CachedGeneration> attempt(
      GenerationRequest request,
      Optional<OutputManifest> last,
      Optional<AnalysisCache> remembered,
      IncrementalGeneration.Inputs inputs) {
    if (last.isEmpty() || remembered.isEmpty()) {
      return Optional.empty();
    }
    OutputManifest manifest = last.get();
    AnalysisCache cache = remembered.get();
    Set<String> changed = PartialGeneration.changed(manifest.inputs(), inputs.files());
    if (!applies(manifest, cache, inputs, changed)) {
      return Optional.empty();
    }
    Map<String, OutputManifest.Unit> affected = new TreeMap<>();
    manifest
        .units()
        .forEach(
            (key, unit) -> {
              if (!unit.origins().contains(EmitUnit.EVERY_INPUT)
                  && !Collections.disjoint(unit.origins(), changed)) {
                affected.put(key, unit);
              }
            });
    Set<String> seeds = new HashSet<>();
    affected.values().forEach(unit -> seeds.addAll(unit.origins()));
    Set<String> load = FilesToRead.closure(seeds, cache);
    CompilePlan plan = new HookcCompiler().plan(request.compile(), load::contains);
    Set<String> exact = FilesToRead.exact(plan, manifest, cache, load);
    // A file that declares a reached unit is read whole: when its other units depend on files not
    // read yet, those are read too, once more.
    Set<String> more = FilesToRead.wholeFiles(plan, manifest, affected, exact);
    if (!FilesToRead.allRead(more, load, cache)) {
      seeds.addAll(more);
      load = FilesToRead.closure(seeds, cache);
      plan = new HookcCompiler().plan(request.compile(), load::contains);
      exact = FilesToRead.exact(plan, manifest, cache, load);
    }
    if (plan.count(Severity.ERROR) > 0 || !onlyRemembered(plan, cache, exact)) {
      return Optional.empty();
    }
    Optional<List<EmitUnit>> emit = reached(plan, affected, exact, cache);
    if (emit.isEmpty() || !exact.containsAll(changed)) {
      return Optional.empty();
    }
    Set<String> stale = new TreeSet<>();
    affected.values().forEach(unit -> stale.addAll(unit.outputs().keySet()));
    Map<String, OutputManifest.Unit> kept = new HashMap<>(manifest.units());
    kept.keySet().removeAll(affected.keySet());
    Path output = request.compile().outputDirectory();
    for (OutputManifest.Unit unit : kept.values()) {
      if (!PartialGeneration.intact(unit, output)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new CachedGeneration(
            merged(plan, cache, exact),
            new PartialGeneration(emit.get(), stale, kept, changed.size()),
            remembered(plan, cache, exact),
            read(inputs.files(), cache, load),
            load));
  }

  /**
   * Whether the manifest and the cache describe the same last generation, made with these settings,
   * and every changed file is an event or workflow file that the cache knows and that still exists.
   */
  private static boolean applies(
      OutputManifest manifest,
      AnalysisCache cache,
      IncrementalGeneration.Inputs inputs,
      Set<String> changed) {
    if (changed.isEmpty()
        || !manifest.settings().equals(inputs.settings())
        || !cache.settings().equals(inputs.settings())
        || !cache.inputs().equals(manifest.digest())) {
      return false;
    }
    for (String file : changed) {
      FileFact fact = cache.facts().get(file);
      if (fact == null
          || fact.kind() == FileFact.Kind.HTTP
          || !manifest.inputs().containsKey(file)
          || !inputs.files().containsKey(file)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The units of the plan that the change reaches, when they can be emitted as in a whole build:
   * each with the origins recorded for it, declared by a file that was read whole (exact), and
   * every exact file with the facts the cache remembers. Empty otherwise.
   */
  private static Optional<List<EmitUnit>> reached(
      CompilePlan plan,
      Map<String, OutputManifest.Unit> affected,
      Set<String> exact,
      AnalysisCache cache) {
    for (String file : exact) {
      if (!Objects.equals(plan.facts().get(file), cache.facts().get(file))) {
        return Optional.empty();
      }
    }
    List<EmitUnit> emit = new ArrayList<>();
    for (EmitUnit unit : plan.units()) {
      OutputManifest.Unit before = affected.get(unit.key());
      if (before != null) {
        // A file that was not read whole may report what a whole build would not; one of its
        // units reached by the change means its diagnostics could change too.
        if (!before.origins().equals(unit.origins())
            || !unit.owner().map(exact::contains).orElse(true)) {
          return Optional.empty();
        }
        emit.add(unit);
      }
    }
    return emit.size() == affected.size() ? Optional.of(emit) : Optional.empty();
  }

  /** The input files whose content counts, leaving out those whose existence alone does. */
  static Set<String> withContent(Map<String, String> inputs) {
    Set<String> files = new TreeSet<>();
    inputs.forEach(
        (file, hash) -> {
          if (!hash.equals(InputFingerprint.PRESENT)) {
            files.add(file);
          }
        });
    return files;
  }

  private static int read(Map<String, String> inputs, AnalysisCache cache, Set<String> load) {
    int read = 0;
    for (String file : withContent(inputs)) {
      FileFact fact = cache.facts().get(file);
      if (load.contains(file) || fact == null || fact.kind() == FileFact.Kind.HTTP) {
        read++;
      }
    }
    return read;
  }

  /**
   * Whether every diagnostic located in a file that is always read ({@code http.yaml}, the
   * configuration, shared definitions, Java functions) was reported last time too. Such a file is
   * unchanged, but a check of a file the change reached may report in it: a diagnostic the cache
   * does not hold means the replayed ones may be stale.
   */
  private static boolean onlyRemembered(CompilePlan plan, AnalysisCache cache, Set<String> exact) {
    for (Diagnostic diagnostic : plan.diagnostics()) {
      String file = diagnostic.location().file();
      FileFact fact = cache.facts().get(file);
      boolean always = fact == null || fact.kind() == FileFact.Kind.HTTP;
      if (always
          && !exact.contains(file)
          && !cache.diagnostics().getOrDefault(file, List.of()).contains(diagnostic)) {
        return false;
      }
    }
    return true;
  }

  /** The fresh diagnostics of the exact files and the remembered ones of every other file. */
  private static CompilePlan merged(CompilePlan plan, AnalysisCache cache, Set<String> exact) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    plan.diagnostics().stream()
        .filter(d -> exact.contains(d.location().file()))
        .forEach(diagnostics::add);
    cache
        .diagnostics()
        .forEach(
            (file, list) -> {
              if (!exact.contains(file)) {
                diagnostics.addAll(list);
              }
            });
    // Stable: each file's diagnostics come from one source, already in their order.
    Collections.sort(diagnostics);
    return new CompilePlan(diagnostics, plan.units(), plan.facts(), plan.apiDocs());
  }

  /** The cache with the exact files' facts and diagnostics renewed. */
  private static AnalysisCache remembered(
      CompilePlan plan, AnalysisCache cache, Set<String> exact) {
    Map<String, FileFact> facts = new TreeMap<>(cache.facts());
    Map<String, List<Diagnostic>> diagnostics = new TreeMap<>(cache.diagnostics());
    for (String file : exact) {
      facts.remove(file);
      Optional.ofNullable(plan.facts().get(file)).ifPresent(fact -> facts.put(file, fact));
      diagnostics.remove(file);
    }
    AnalysisCache.byFile(plan.diagnostics())
        .forEach(
            (file, list) -> {
              if (exact.contains(file)) {
                diagnostics.put(file, list);
              }
            });
    return new AnalysisCache(cache.settings(), "", facts, diagnostics);
  }
}
