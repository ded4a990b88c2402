package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.cache.FileFact;
import dev.hookc.compiler.check.FlowCode;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.schema.SchemaCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisCacheTest {
  @TempDir Path directory;

  @Test
  void readsBackWhatItWroteWithCodesLocationsHintsAndOrder() throws IOException {
    String long64k = "r".repeat(70_000);
    AnalysisCache cache =
        new AnalysisCache(
            "settings",
            AnalysisCache.digest(Map.of("src/events/a.yaml", "h1", "src/functions/b.yaml", "h2")),
            Map.of(
                "src/events/a.yaml",
                new FileFact(
                    "src/events/a.yaml",
                    FileFact.Kind.EVENTS,
                    Optional.empty(),
                    List.of("b", "com.gs.return"),
                    "event http.post./a\nroute " + long64k + "\n"),
                "src/functions/b.yaml",
                new FileFact(
                    "src/functions/b.yaml",
                    FileFact.Kind.WORKFLOW,
                    Optional.of("b"),
                    List.of(),
                    "workflow b\ncalls é ✓\n")),
            Map.of(
                "src/functions/b.yaml",
                List.of(
                    new Diagnostic(
                        Severity.WARNING,
                        FlowCode.UNREACHABLE_TASK,
                        new Location("src/functions/b.yaml", 6, 5),
                        "this task never runs",
                        Optional.empty()),
                    new Diagnostic(
                        Severity.WARNING,
                        SchemaCode.UNKNOWN_FORMAT,
                        new Location("src/functions/b.yaml", 2, 9),
                        "unknown format 'shoe-size'",
                        Optional.of("did you mean 'date'?")))));
    Path file = directory.resolve("target/hookc").resolve(AnalysisCache.NAME);

    cache.write(file);

    assertThat(AnalysisCache.read(file)).contains(cache);
  }

  @Test
  void theInputsDigestDependsOnEveryPathAndHash() {
    String digest = AnalysisCache.digest(Map.of("a", "1", "b", "2"));

    assertThat(AnalysisCache.digest(Map.of("b", "2", "a", "1"))).isEqualTo(digest);
    assertThat(AnalysisCache.digest(Map.of("a", "1", "b", "3"))).isNotEqualTo(digest);
    assertThat(AnalysisCache.digest(Map.of("a", "12", "b", ""))).isNotEqualTo(digest);
    assertThat(AnalysisCache.digest(Map.of("a", "1"))).isNotEqualTo(digest);
  }

  @Test
  void aMissingCacheIsEmpty() {
    assertThat(AnalysisCache.read(directory.resolve("none"))).isEmpty();
  }
}
