package dev.hookc.compiler.yaml;

import dev.hookc.compiler.diag.Location;

/** A node of a YAML document with the place it starts at. */
public sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {

  /** Where the node starts in its file. */
  Location location();

  /** A short word for the kind of node, for messages: {@code mapping}, {@code list}, ... */
  String kindName();
}
