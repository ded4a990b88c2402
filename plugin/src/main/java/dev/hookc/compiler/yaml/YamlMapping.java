package dev.hookc.compiler.yaml;

import dev.hookc.compiler.diag.Location;
import java.util.List;
import java.util.Optional;

/**
 * A YAML mapping whose keys are scalars, in the order written. Duplicate keys are reported by the
 * reader; only the first of them is kept here.
 */
public record YamlMapping(List<Entry> entries, Location location) implements YamlNode {

  public YamlMapping {
    entries = List.copyOf(entries);
  }

  /** One {@code key: value} pair. */
  public record Entry(YamlScalar key, YamlNode value) {}

  /** The value of a key, if present. */
  public Optional<YamlNode> get(String key) {
    return entry(key).map(Entry::value);
  }

  /** The entry of a key, if present. */
  public Optional<Entry> entry(String key) {
    for (Entry entry : entries) {
      if (entry.key().value().equals(key)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /** The keys in the order written. */
  public List<String> keys() {
    return entries.stream().map(e -> e.key().value()).toList();
  }

  @Override
  public String kindName() {
    return "mapping";
  }
}
