package dev.hookc.plugin;

import dev.hookc.compiler.CompilePlan;
import dev.hookc.compiler.cache.FileFact;
import dev.hookc.compiler.emit.EmitUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which files a {@link CachedGeneration} reads, and which of those it read whole: a file is read
 * whole (exact) when every event and workflow file that its units were recorded to depend on was
 * read too, so that its diagnostics, facts and units are a whole build's.
 */
final class FilesToRead {
  private FilesToRead() {}

  /**
   * The event and workflow files to read: every origin of the affected units, and the workflows
   * those files and {@code http.yaml} name, transitively, so that every name resolves as in a whole
   * build.
   */
  static Set<String> closure(Set<String> seeds, AnalysisCache cache) {
    Map<String, String> workflowFiles = new HashMap<>();
    cache
        .facts()
        .values()
        .forEach(fact -> fact.workflowId().ifPresent(id -> workflowFiles.put(id, fact.file())));
    Set<String> load = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.addAll(seeds);
    cache.facts().values().stream()
        .filter(fact -> fact.kind() == FileFact.Kind.HTTP)
        .forEach(fact -> pending.add(fact.file()));
    while (!pending.isEmpty()) {
      String file = pending.pop();
      if (load.add(file)) {
        FileFact fact = cache.facts().get(file);
        if (fact != null) {
          for (String name : fact.references()) {
            String workflow = workflowFiles.get(name);
            if (workflow != null) {
              pending.add(workflow);
            }
          }
        }
      }
    }
    return load;
  }

  /**
   * The files read whose every unit's recorded origins were read too: their diagnostics, facts and
   * units are a whole build's. A file that was read only because another depends on it may miss
   * what its own units depend on.
   */
  static Set<String> exact(
      CompilePlan plan, OutputManifest manifest, AnalysisCache cache, Set<String> load) {
    Set<String> exact = new TreeSet<>();
    for (String file : load) {
      FileFact fact = cache.facts().get(file);
      if (fact != null && fact.kind() != FileFact.Kind.HTTP) {
        exact.add(file);
      }
    }
    for (EmitUnit unit : plan.units()) {
      unit.owner()
          .filter(exact::contains)
          .ifPresent(
              owner -> {
                OutputManifest.Unit before = manifest.units().get(unit.key());
                if (before == null
                    || before.origins().contains(EmitUnit.EVERY_INPUT)
                    || !allRead(before.origins(), load, cache)) {
                  exact.remove(owner);
                }
              });
    }
    return exact;
  }

  /**
   * Whether every event and workflow file among {@code origins} was read; every other input ({@code
   * http.yaml}, configuration, shared definitions, which Java function files exist) is always read.
   */
  static boolean allRead(Set<String> origins, Set<String> load, AnalysisCache cache) {
    for (String origin : origins) {
      FileFact fact = cache.facts().get(origin);
      if (fact != null && fact.kind() != FileFact.Kind.HTTP && !load.contains(origin)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The recorded origins of every unit declared by a file that declares a reached unit but was not
   * read whole.
   */
  static Set<String> wholeFiles(
      CompilePlan plan,
      OutputManifest manifest,
      Map<String, OutputManifest.Unit> affected,
      Set<String> exact) {
    Set<String> owners = new HashSet<>();
    for (EmitUnit unit : plan.units()) {
      if (affected.containsKey(unit.key())) {
        unit.owner().filter(owner -> !exact.contains(owner)).ifPresent(owners::add);
      }
    }
    Set<String> origins = new HashSet<>();
    for (EmitUnit unit : plan.units()) {
      OutputManifest.Unit before = manifest.units().get(unit.key());
      if (before != null && unit.owner().map(owners::contains).orElse(false)) {
        origins.addAll(before.origins());
      }
    }
    origins.remove(EmitUnit.EVERY_INPUT);
    return origins;
  }
}
