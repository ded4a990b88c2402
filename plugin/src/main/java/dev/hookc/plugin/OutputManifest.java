package dev.hookc.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the last successful generation wrote and from what: the digest of the settings, each input
 * file's content hash, and each emitted unit with its origins (the input files its content depends
 * on) and its output files' content hashes and sizes. Lets the next build regenerate only the units
 * that its changed inputs reach.
 *
 * @param settings the digest of the plugin's version and parameters
 * @param inputs each input file's hash, by project-relative path
 * @param units each unit, by key
 */
record OutputManifest(String settings, Map<String, String> inputs, Map<String, Unit> units) {
  private static final String HEADER = "hookc-manifest 1";

  /**
   * One emitted unit.
   *
   * @param origins the input files its content depends on
   * @param outputs its files, by path below the output directory
   */
  record Unit(Set<String> origins, Map<String, Output> outputs) {
    Unit {
      origins = Set.copyOf(origins);
      outputs = Map.copyOf(outputs);
    }
  }

  /** An output file's content hash and size. */
  record Output(String hash, long size) {}

  OutputManifest {
    inputs = Map.copyOf(inputs);
    units = Map.copyOf(units);
  }

  /** The manifest in {@code file}; empty when it is missing or not one this version wrote. */
  static Optional<OutputManifest> read(Path file) {
    List<String> lines;
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("settings ")) {
      return Optional.empty();
    }
    Map<String, String> inputs = new TreeMap<>();
    Map<String, Unit> units = new LinkedHashMap<>();
    Set<String> origins = null;
    Map<String, Output> outputs = null;
    String key = null;
    try {
      for (String line : lines.subList(2, lines.size())) {
        String[] parts = line.split("\t", line.startsWith("input\t") ? 3 : 4);
        switch (parts[0]) {
          case "input" -> inputs.put(parts[2], parts[1]);
          case "unit" -> {
            if (key != null) {
              units.put(key, new Unit(origins, outputs));
            }
            key = line.substring("unit\t".length());
            origins = new TreeSet<>();
            outputs = new TreeMap<>();
          }
          case "origin" -> origins.add(line.substring("origin\t".length()));
          case "output" -> outputs.put(parts[3], new Output(parts[1], Long.parseLong(parts[2])));
          case "end" -> {
            if (key != null) {
              units.put(key, new Unit(origins, outputs));
            }
            return Optional.of(new OutputManifest(lines.get(1).substring(9), inputs, units));
          }
          default -> {
            return Optional.empty();
          }
        }
      }
    } catch (RuntimeException e) {
      // A line this class did not write (a truncated file, an edit): generate everything.
      return Optional.empty();
    }
    // No end line: the write was cut short.
    return Optional.empty();
  }

  /** Writes the manifest to {@code file}, aside first, so that a reader never sees half of it. */
  void write(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.add("settings " + settings);
    new TreeMap<>(inputs).forEach((path, hash) -> lines.add("input\t" + hash + "\t" + path));
    new TreeMap<>(units)
        .forEach(
            (key, unit) -> {
              lines.add("unit\t" + key);
              new TreeSet<>(unit.origins()).forEach(o -> lines.add("origin\t" + o));
              new TreeMap<>(unit.outputs())
                  .forEach(
                      (path, out) ->
                          lines.add("output\t" + out.hash() + "\t" + out.size() + "\t" + path));
            });
    lines.add("end");
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(partial, lines, StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
