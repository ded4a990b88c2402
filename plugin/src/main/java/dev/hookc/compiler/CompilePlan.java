package dev.hookc.compiler;

import dev.hookc.compiler.cache.FileFact;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.emit.ApiDocument;
import dev.hookc.compiler.emit.EmitUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A checked and bound project, ready to emit: every diagnostic in file and line order, the units to
 * emit, and what each event and workflow file means beyond itself, which lets the next build leave
 * unchanged files unread. When there is an error there are no facts and no units, except when the
 * only errors are functions that resolve to nothing: then the contracts of the Java functions the
 * workflows call, written or not, so that a missing class can be written against its generated
 * interface and arguments.
 */
public record CompilePlan(
    List<Diagnostic> diagnostics,
    List<EmitUnit> units,
    Map<String, FileFact> facts,
    Optional<ApiDocument> apiDocs) {

  public CompilePlan {
    diagnostics = List.copyOf(diagnostics);
    units = List.copyOf(units);
    facts = Collections.unmodifiableMap(new TreeMap<>(facts));
  }

  /** A plan without an API document. */
  public CompilePlan(
      List<Diagnostic> diagnostics, List<EmitUnit> units, Map<String, FileFact> facts) {
    this(diagnostics, units, facts, Optional.empty());
  }

  /** A plan without file facts. */
  public CompilePlan(List<Diagnostic> diagnostics, List<EmitUnit> units) {
    this(diagnostics, units, Map.of());
  }

  /** How many diagnostics of a severity were reported. */
  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }
}
