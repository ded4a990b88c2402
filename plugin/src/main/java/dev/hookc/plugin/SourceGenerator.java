package dev.hookc.plugin;

import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.diag.Severity;
import java.io.IOException;
import java.util.List;

/**
 * Runs one generation: skipped when {@link IncrementalGeneration} finds the output current;
 * otherwise the compiler runs and, unless it refuses, its sources replace the output directory's
 * and the new state is remembered.
 */
final class SourceGenerator {

  /**
   * Generates what {@code request} asks for.
   *
   * @throws IOException when the state or the sources cannot be written; the message names the file
   * @throws RuntimeException a bug in hookc
   */
  GenerationResult generate(GenerationRequest request) throws IOException {
    IncrementalGeneration incremental = IncrementalGeneration.scan(request);
    if (incremental.isUpToDate()) {
      return new GenerationResult(
          GenerationResult.Outcome.UP_TO_DATE,
          List.of(),
          0,
          0,
          remember(incremental, request),
          incremental.notes());
    }
    try {
      incremental.forget();
    } catch (IOException e) {
      throw new IOException("cannot delete " + request.stateFile(), e);
    }
    CompileResult compiled = new HookcCompiler().compile(request.compile());
    if (compiled.count(Severity.ERROR) > 0
        || (request.failOnWarning() && compiled.count(Severity.WARNING) > 0)) {
      return new GenerationResult(
          GenerationResult.Outcome.FAILED,
          compiled.diagnostics(),
          0,
          0,
          List.of(),
          incremental.notes());
    }
    int written;
    try {
      written = new SourceWriter(request.compile().outputDirectory()).write(compiled.sources());
    } catch (IOException e) {
      throw new IOException(
          "cannot write generated sources to " + request.compile().outputDirectory(), e);
    }
    List<String> problems = remember(incremental, request);
    return new GenerationResult(
        GenerationResult.Outcome.GENERATED,
        compiled.diagnostics(),
        compiled.sources().size(),
        written,
        problems,
        incremental.notes());
  }

  /** Remembers the current state; the warning to show when it cannot. */
  private static List<String> remember(
      IncrementalGeneration incremental, GenerationRequest request) {
    return incremental.remember()
        ? List.of()
        : List.of("cannot write " + request.stateFile() + "; the next build generates again");
  }
}
