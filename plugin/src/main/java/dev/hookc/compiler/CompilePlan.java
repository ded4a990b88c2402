package dev.hookc.compiler;

import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.emit.EmitUnit;
import java.util.List;

/**
 * A checked and bound project, ready to emit: every diagnostic in file and line order, and the
 * units to emit. When there is an error there are none, except when the only errors are functions
 * that resolve to nothing: then the contracts of the Java functions the workflows call, written or
 * not, so that a missing class can be written against its generated interface and arguments.
 */
public record CompilePlan(List<Diagnostic> diagnostics, List<EmitUnit> units) {

  public CompilePlan {
    diagnostics = List.copyOf(diagnostics);
    units = List.copyOf(units);
  }

  /** How many diagnostics of a severity were reported. */
  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }
}
