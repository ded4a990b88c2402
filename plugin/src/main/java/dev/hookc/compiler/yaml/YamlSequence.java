package dev.hookc.compiler.yaml;

import dev.hookc.compiler.diag.Location;
import java.util.List;

/** A YAML sequence. */
public record YamlSequence(List<YamlNode> items, Location location) implements YamlNode {

  public YamlSequence {
    items = List.copyOf(items);
  }

  @Override
  public String kindName() {
    return "list";
  }
}
