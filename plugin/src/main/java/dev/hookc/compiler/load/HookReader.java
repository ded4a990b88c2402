package dev.hookc.compiler.load;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.FnRef;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the validation-error hooks of an event or of {@code http.yaml}: a workflow name, a list of
 * tasks read exactly like a workflow's {@code tasks}, or {@code false}/null for none.
 */
final class HookReader {
  private final Diagnostics diagnostics;
  private final WorkflowReader workflows;

  HookReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.workflows = new WorkflowReader(diagnostics);
  }

  /** The hooks {@code owner} declares, by kind; a malformed one is reported and left out. */
  Map<ValidationHook.Kind, ValidationHook> read(YamlMapping owner) {
    Map<ValidationHook.Kind, ValidationHook> hooks = new EnumMap<>(ValidationHook.Kind.class);
    for (ValidationHook.Kind kind : ValidationHook.Kind.values()) {
      owner
          .get(kind.key())
          .flatMap(value -> hook(kind, owner, value))
          .ifPresent(hook -> hooks.put(kind, hook));
    }
    return hooks;
  }

  private Optional<ValidationHook> hook(
      ValidationHook.Kind kind, YamlMapping owner, YamlNode value) {
    if (value instanceof YamlSequence list) {
      String file = value.location().file();
      return Optional.of(
          new ValidationHook.Inline(
              workflows.inlineTasks(list, "'" + kind.key() + "'"), file, owner, value));
    }
    if (value instanceof YamlScalar scalar) {
      if (scalar.type() == ScalarType.NULL
          || (scalar.type() == ScalarType.BOOLEAN && scalar.value().equals("false"))) {
        return Optional.of(new ValidationHook.Off(scalar));
      }
      if (scalar.type() == ScalarType.STRING && !scalar.value().isBlank()) {
        return Optional.of(new ValidationHook.Named(new FnRef(scalar.value(), scalar)));
      }
    }
    diagnostics.report(
        LoadCode.HOOK_MALFORMED,
        value.location(),
        "'"
            + kind.key()
            + "' must be a workflow name, a list of tasks or false, found "
            + (value instanceof YamlScalar s ? "'" + s.value() + "'" : "a " + value.kindName()),
        "name a workflow in src/functions, or write its tasks as a list");
    return Optional.empty();
  }
}
