package dev.hookc.compiler;

import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.emit.GeneratedSource;
import java.util.List;

/**
 * What a compilation produced: every diagnostic in file and line order, and the generated sources
 * (none when there is an error).
 */
public record CompileResult(List<Diagnostic> diagnostics, List<GeneratedSource> sources) {

  public CompileResult {
    diagnostics = List.copyOf(diagnostics);
    sources = List.copyOf(sources);
  }

  /** Whether an error was reported. */
  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** How many diagnostics of a severity were reported. */
  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }
}
