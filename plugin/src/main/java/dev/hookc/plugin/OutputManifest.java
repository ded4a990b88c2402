package dev.hookc.plugin;

import dev.hookc.compiler.emit.EmitUnit;
import dev.hookc.compiler.emit.GeneratedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the last successful generation wrote and from what: the digest of the settings, each input
 * file's content hash (and the digest of them all), and each emitted unit with its origins (the
 * input files its content depends on) and its output files' sizes. Lets the next build regenerate
 * only the units that its changed inputs reach.
 *
 * <p>The file is read and written whole on every changed build, and holds a line per output file
 * (ten thousand at a thousand events), so it keeps only what a build uses: an output's size, which
 * tells that a kept file is still the one written, and no content hash, which nothing compared.
 *
 * @param settings the digest of the plugin's version and parameters
 * @param digest the digest of {@code inputs}, as {@link AnalysisCache#digest} computes it
 * @param inputs each input file's hash, by project-relative path
 * @param units each unit, by key
 */
record OutputManifest(
    String settings, String digest, Map<String, String> inputs, Map<String, Unit> units) {
  private static final String HEADER = "hookc-manifest 2";

  /**
   * One emitted unit.
   *
   * @param origins the input files its content depends on
   * @param outputs its files' sizes in bytes, by path below the output directory
   */
  record Unit(Set<String> origins, Map<String, Long> outputs) {
    Unit {
      origins = Set.copyOf(origins);
      outputs = Map.copyOf(outputs);
    }

    /** The unit that {@code unit} emitted as {@code sources}. */
    static Unit of(EmitUnit unit, List<GeneratedSource> sources) {
      Map<String, Long> outputs = new HashMap<>();
      for (GeneratedSource source : sources) {
        outputs.put(source.path(), (long) source.content().getBytes(StandardCharsets.UTF_8).length);
      }
      return new Unit(unit.origins(), outputs);
    }
  }

  OutputManifest {
    inputs = Collections.unmodifiableMap(new TreeMap<>(inputs));
    units = Collections.unmodifiableMap(new TreeMap<>(units));
  }

  /** The manifest of {@code inputs} and {@code units}. */
  OutputManifest(IncrementalGeneration.Inputs inputs, Map<String, Unit> units) {
    this(inputs.settings(), inputs.digest(), inputs.files(), units);
  }

  /** The manifest in {@code file}; empty when it is missing or not one this version wrote. */
  static Optional<OutputManifest> read(Path file) {
    String text;
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(parse(text));
    } catch (RuntimeException e) {
      // A line this class did not write (a truncated file, an edit): generate everything.
      return Optional.empty();
    }
  }

  /** The manifest in {@code text}, or null when it is not one {@link #write} wrote whole. */
  private static OutputManifest parse(String text) {
    Lines lines = new Lines(text);
    String settings = lines.after("settings ");
    String digest = lines.after("inputs ");
    if (!HEADER.equals(lines.header) || settings == null || digest == null) {
      return null;
    }
    Map<String, String> inputs = new TreeMap<>();
    Map<String, Unit> units = new TreeMap<>();
    Set<String> origins = null;
    Map<String, Long> outputs = null;
    String key = null;
    for (String line = lines.next(); line != null; line = lines.next()) {
      int tab = line.indexOf('\t');
      String kind = tab < 0 ? line : line.substring(0, tab);
      switch (kind) {
        case "input" -> {
          int second = line.indexOf('\t', tab + 1);
          inputs.put(line.substring(second + 1), line.substring(tab + 1, second));
        }
        case "unit" -> {
          if (key != null) {
            units.put(key, new Unit(origins, outputs));
          }
          key = line.substring(tab + 1);
          origins = new TreeSet<>();
          outputs = new HashMap<>();
        }
        case "origin" -> origins.add(line.substring(tab + 1));
        case "output" -> {
          int second = line.indexOf('\t', tab + 1);
          outputs.put(line.substring(second + 1), Long.parseLong(line, tab + 1, second, 10));
        }
        case "end" -> {
          if (key != null) {
            units.put(key, new Unit(origins, outputs));
          }
          return lines.next() == null ? new OutputManifest(settings, digest, inputs, units) : null;
        }
        default -> {
          return null;
        }
      }
    }
    // No end line: the write was cut short.
    return null;
  }

  /** Writes the manifest to {@code file}, aside first, so that a reader never sees half of it. */
  void write(Path file) throws IOException {
    StringBuilder text = new StringBuilder(64 * (inputs.size() + 8 * units.size()));
    text.append(HEADER).append('\n');
    text.append("settings ").append(settings).append('\n');
    text.append("inputs ").append(digest).append('\n');
    inputs.forEach(
        (path, hash) -> text.append("input\t").append(hash).append('\t').append(path).append('\n'));
    units.forEach(
        (key, unit) -> {
          text.append("unit\t").append(key).append('\n');
          new TreeSet<>(unit.origins())
              .forEach(origin -> text.append("origin\t").append(origin).append('\n'));
          new TreeMap<>(unit.outputs())
              .forEach(
                  (path, size) ->
                      text.append("output\t").append(size).append('\t').append(path).append('\n'));
        });
    text.append("end\n");
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(partial, text, StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The lines of a text, one at a time, after its header line. */
  private static final class Lines {
    private final String text;
    private final String header;
    private int at;

    Lines(String text) {
      this.text = text;
      this.header = next();
    }

    /** The next line, without its line break; null at the end or on an unterminated line. */
    String next() {
      if (at >= text.length()) {
        return null;
      }
      int end = text.indexOf('\n', at);
      if (end < 0) {
        at = text.length();
        return null;
      }
      String line = text.substring(at, end);
      at = end + 1;
      return line;
    }

    /** What follows {@code prefix} on the next line; null when it does not start with it. */
    String after(String prefix) {
      String line = next();
      return line != null && line.startsWith(prefix) ? line.substring(prefix.length()) : null;
    }
  }
}
