package dev.hookc.compiler.load;

import dev.hookc.compiler.diag.DiagnosticCode;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.Optional;
import java.util.Set;

/** Shape checks shared by the event and workflow readers: each reports and returns empty. */
final class Nodes {
  private final Diagnostics diagnostics;

  Nodes(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<YamlMapping> mapping(YamlNode node, DiagnosticCode code, String what) {
    if (node instanceof YamlMapping mapping) {
      return Optional.of(mapping);
    }
    diagnostics.report(
        code, node.location(), what + " must be a mapping, found a " + node.kindName());
    return Optional.empty();
  }

  Optional<YamlSequence> sequence(YamlNode node, DiagnosticCode code, String what) {
    if (node instanceof YamlSequence sequence) {
      return Optional.of(sequence);
    }
    diagnostics.report(code, node.location(), what + " must be a list, found a " + node.kindName());
    return Optional.empty();
  }

  Optional<YamlScalar> scalar(YamlNode node, DiagnosticCode code, String what) {
    if (node instanceof YamlScalar scalar) {
      return Optional.of(scalar);
    }
    diagnostics.report(
        code, node.location(), what + " must be a single value, found a " + node.kindName());
    return Optional.empty();
  }

  Optional<String> string(YamlMapping mapping, String key, DiagnosticCode code) {
    return mapping.get(key).flatMap(n -> scalar(n, code, "'" + key + "'")).map(YamlScalar::value);
  }

  /**
   * Reports every key of {@code mapping} that is neither known nor merely unsupported, with a
   * did-you-mean against the known keys.
   */
  void checkKeys(
      YamlMapping mapping,
      Set<String> known,
      Set<String> unsupported,
      DiagnosticCode unknownCode,
      DiagnosticCode unsupportedCode,
      String what) {
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.key().value();
      if (known.contains(key)) {
        continue;
      }
      if (unsupported.contains(key)) {
        diagnostics.report(
            unsupportedCode,
            entry.key().location(),
            "'" + key + "' is not supported by hookc yet",
            "remove it; hookc never ignores a key silently");
        continue;
      }
      diagnostics.report(
          unknownCode,
          entry.key().location(),
          "unknown " + what + " key '" + key + "'",
          Suggestions.keyHint(key, known));
    }
  }
}
