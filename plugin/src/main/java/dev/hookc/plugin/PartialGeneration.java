package dev.hookc.plugin;

import dev.hookc.compiler.emit.EmitUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which units a build must emit when some inputs changed since the last generation, from
 * that generation's {@link OutputManifest}: a unit is emitted again when it is new, or when a
 * changed, added or removed file is among its origins now or was among them then (a unit's
 * dependencies can change with the edit: an event re-pointed to another workflow leaves the old
 * one's origins). Every other unit's files stay as they are. Anything unexpected — no manifest,
 * other settings, no changed file, a kept file missing or of another size — means a full
 * generation.
 *
 * @param emit the units to emit
 * @param stale the files of the last generation that belong to units emitted again or gone
 * @param kept the units left as they are, as the manifest records them
 * @param changedInputs how many input files changed, were added or were removed
 */
record PartialGeneration(
    List<EmitUnit> emit,
    Set<String> stale,
    Map<String, OutputManifest.Unit> kept,
    int changedInputs) {

  /** The partial generation for {@code units}, or empty when everything must be generated. */
  static Optional<PartialGeneration> select(
      Optional<OutputManifest> last,
      IncrementalGeneration.Inputs inputs,
      List<EmitUnit> units,
      Path outputDirectory) {
    if (last.isEmpty() || !last.get().settings().equals(inputs.settings())) {
      return Optional.empty();
    }
    OutputManifest manifest = last.get();
    Set<String> changed = changed(manifest.inputs(), inputs.files());
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    List<EmitUnit> emit = new ArrayList<>();
    Set<String> stale = new TreeSet<>();
    Map<String, OutputManifest.Unit> kept = new HashMap<>();
    Set<String> current = new HashSet<>();
    for (EmitUnit unit : units) {
      current.add(unit.key());
      OutputManifest.Unit before = manifest.units().get(unit.key());
      if (before == null
          || reaches(unit.origins(), changed)
          || reaches(before.origins(), changed)) {
        emit.add(unit);
        if (before != null) {
          stale.addAll(before.outputs().keySet());
        }
      } else if (intact(before, outputDirectory)) {
        kept.put(unit.key(), before);
      } else {
        return Optional.empty();
      }
    }
    manifest
        .units()
        .forEach(
            (key, unit) -> {
              if (!current.contains(key)) {
                stale.addAll(unit.outputs().keySet());
              }
            });
    return Optional.of(new PartialGeneration(emit, stale, kept, changed.size()));
  }

  /** The files added, removed or changed between {@code before} and {@code now}. */
  static Set<String> changed(Map<String, String> before, Map<String, String> now) {
    Set<String> changed = new TreeSet<>();
    now.forEach(
        (path, hash) -> {
          if (!hash.equals(before.get(path))) {
            changed.add(path);
          }
        });
    before.keySet().stream().filter(path -> !now.containsKey(path)).forEach(changed::add);
    return changed;
  }

  private static boolean reaches(Set<String> origins, Set<String> changed) {
    if (origins.contains(EmitUnit.EVERY_INPUT)) {
      return true;
    }
    for (String file : changed) {
      if (origins.contains(file)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a kept unit's files are still there as written; a stat each, no reading. */
  static boolean intact(OutputManifest.Unit unit, Path outputDirectory) {
    for (Map.Entry<String, Long> output : unit.outputs().entrySet()) {
      try {
        // One stat per file: at a thousand events this runs for ten thousand of them.
        BasicFileAttributes file =
            Files.readAttributes(
                outputDirectory.resolve(output.getKey()), BasicFileAttributes.class);
        if (!file.isRegularFile() || file.size() != output.getValue()) {
          return false;
        }
      } catch (java.io.IOException e) {
        return false;
      }
    }
    return true;
  }
}
