package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompilePlan;
import dev.hookc.compiler.emit.EmitUnit;
import dev.hookc.compiler.emit.GeneratedSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerWarmUpTest {
  @TempDir Path directory;

  @Test
  void theBuiltInProjectCompilesCleanlyThroughEveryStageAChangedEventReaches() throws IOException {
    CompilePlan plan = CompilerWarmUp.compileIn(directory);

    // A diagnostic would stop the warm-up short of the stages it is there to load.
    assertThat(plan.diagnostics()).isEmpty();
    List<String> sources =
        plan.units().stream()
            .flatMap(unit -> unit.emit().stream())
            .map(GeneratedSource::path)
            .toList();
    assertThat(sources)
        .anyMatch(path -> path.endsWith("Controller.java"))
        .anyMatch(path -> path.endsWith("Validator.java"))
        .anyMatch(path -> path.endsWith("Workflow.java"))
        .anyMatch(path -> path.contains("/model/"));
    assertThat(plan.apiDocs()).hasValueSatisfying(d -> assertThat(d.json()).contains("warm-up"));
    assertThat(plan.units()).map(EmitUnit::key).isNotEmpty();
  }
}
