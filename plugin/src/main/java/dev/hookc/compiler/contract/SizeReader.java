package dev.hookc.compiler.contract;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.OptionalLong;

/** Reads a {@code max_body_size} value, reporting one that is not a size. */
final class SizeReader {
  private final Diagnostics diagnostics;

  SizeReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  OptionalLong size(YamlNode node) {
    if (node instanceof YamlScalar scalar
        && (scalar.type() == ScalarType.STRING || scalar.type() == ScalarType.INTEGER)) {
      OptionalLong bytes = ByteSize.parse(scalar.value());
      if (bytes.isPresent()) {
        return bytes;
      }
    }
    diagnostics.report(
        ContractCode.BAD_BODY_SIZE,
        node.location(),
        "'max_body_size' must be a size, found "
            + (node instanceof YamlScalar s ? "'" + s.value() + "'" : "a " + node.kindName()),
        "write bytes or a size with a unit, e.g. 262144, 256KiB or 1MiB (at most 2 GiB)");
    return OptionalLong.empty();
  }
}
