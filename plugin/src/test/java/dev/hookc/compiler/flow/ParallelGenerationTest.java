package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.compiler.CompilePlan;
import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.emit.ApiDocument;
import dev.hookc.compiler.emit.EmitUnit;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.compiler.emit.ProjectEmitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units are emitted, and their files rendered, on every core, and several builds may share one JVM
 * (a reactor built with {@code -T}, watch mode): a cache, name allocator or static state that one
 * emitter shares with another would make the output depend on the threads' timing. A project of
 * many random body schemas is emitted one unit after another on one thread, in order and in
 * reverse, and then compiled whole several times at once; every file must come out byte for byte
 * the same.
 */
class ParallelGenerationTest {
  private static final long SEED = 20261204L;
  private static final int EVENTS = 32;
  private static final int BUILDS = 6;
  private static final String PACKAGE = "gen.parallel";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void generatesTheSameBytesWhicheverThreadsEmitTheUnits() throws Exception {
    CompileRequest request = randomProject(work.resolve("project"));
    CompilePlan plan = new HookcCompiler().plan(request);
    assertThat(plan.count(Severity.ERROR)).as("errors in the random project").isZero();
    assertThat(plan.units()).hasSizeGreaterThan(2 * EVENTS);

    Map<String, String> inOrder = new LinkedHashMap<>();
    plan.units().forEach(unit -> unit.emit().forEach(s -> inOrder.put(s.path(), s.content())));
    List<EmitUnit> reversed = new ArrayList<>(plan.units());
    Collections.reverse(reversed);
    Map<String, String> inReverse = new LinkedHashMap<>();
    reversed.forEach(unit -> unit.emit().forEach(s -> inReverse.put(s.path(), s.content())));
    assertThat(inReverse).isEqualTo(inOrder);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CompilePlan>> builds = new ArrayList<>();
      for (int i = 0; i < BUILDS; i++) {
        builds.add(pool.submit(() -> new HookcCompiler().plan(request)));
      }
      ApiDocument document = plan.apiDocs().orElseThrow();
      for (Future<CompilePlan> build : builds) {
        CompilePlan again = build.get(100, TimeUnit.SECONDS);
        // Every unit on every core, as a build emits them, collected in unit order.
        List<GeneratedSource> sources = ProjectEmitter.emit(again.units());
        assertThat(sources.stream().map(GeneratedSource::path).toList())
            .containsExactlyElementsOf(inOrder.keySet());
        for (GeneratedSource source : sources) {
          assertThat(source.content()).as(source.path()).isEqualTo(inOrder.get(source.path()));
        }
        ApiDocument doc = again.apiDocs().orElseThrow();
        assertThat(doc.json()).isEqualTo(document.json());
        assertThat(doc.yaml()).isEqualTo(document.yaml());
        assertThat(doc.digests()).isEqualTo(document.digests());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A project of {@link #EVENTS} events with random body schemas, each served by its own workflow
   * that answers with the body; events whose schema hookc refuses are left out.
   */
  private static CompileRequest randomProject(Path root) throws IOException {
    Random random = new Random(SEED);
    Map<String, String> events = new LinkedHashMap<>();
    for (int i = 0; i < EVENTS * 3 / 2; i++) {
      String id = String.format(Locale.ROOT, "e%03d", i);
      StringBuilder event = new StringBuilder("http.post./" + id + ":\n  fn: answer_" + id + "\n");
      event.append("  body:\n    content:\n      application/json:\n        schema:\n");
      JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(new RandomSchemas(random).root())
          .lines()
          .forEach(line -> event.append("          ").append(line).append('\n'));
      events.put(id, event.toString());
    }
    CompileRequest request = write(root, events);
    Set<String> refused =
        new HookcCompiler()
            .plan(request).diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(d -> d.location().file())
                .collect(Collectors.toSet());
    Map<String, String> kept = new LinkedHashMap<>();
    events.forEach(
        (id, text) -> {
          if (kept.size() < EVENTS && !refused.contains("src/events/" + id + ".yaml")) {
            kept.put(id, text);
          }
        });
    deleteTree(root);
    assertThat(kept).as("random events hookc accepts").hasSize(EVENTS);
    return write(root, kept);
  }

  private static CompileRequest write(Path root, Map<String, String> events) throws IOException {
    for (Map.Entry<String, String> event : events.entrySet()) {
      String id = event.getKey();
      write(root.resolve("src/events/" + id + ".yaml"), event.getValue());
      write(
          root.resolve("src/functions/answer_" + id + ".yaml"),
          "tasks:\n  - id: answer\n    fn: com.gs.return\n    args:\n      code: 200\n"
              + "      data: <% inputs.body %>\n");
    }
    Files.createDirectories(root.resolve("src/main/java"));
    return new CompileRequest(
        root,
        root.resolve("src/events"),
        root.resolve("src/functions"),
        root.resolve("src/definitions"),
        root.resolve("src/main/java"),
        root.resolve("target/generated-sources/hookc"),
        PACKAGE);
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      for (Path file : files.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
