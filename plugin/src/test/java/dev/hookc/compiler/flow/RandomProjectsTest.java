package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.emit.GeneratedSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random projects through the whole pipeline: random valid body schemas ({@link RandomSchemas}),
 * and random mistakes in the YAML of small valid projects ({@link YamlMutations}). Each case ends
 * in generated code that javac compiles, or in diagnostics located at a file and line; an internal
 * error or code that does not compile fails the test with the case's seed.
 *
 * <p>Reproducible: case {@code i} is drawn from seed {@code hookc.random.seed + i}. Up to 300 cases
 * run, bounded to 30 s of CPU ({@code hookc.random.seconds}); run more with {@code
 * -Dhookc.random.cases=5000}, one failing case with {@code -Dhookc.random.seed=<its seed>
 * -Dhookc.random.cases=1}.
 */
class RandomProjectsTest {
  private static final long SEED = Long.getLong("hookc.random.seed", 20261203L);
  private static final int CASES = Integer.getInteger("hookc.random.cases", 300);
  // Bounded in CPU time unless a number of cases is asked for.
  private static final long BUDGET_SECONDS =
      Long.getLong(
          "hookc.random.seconds",
          System.getProperty("hookc.random.cases") == null ? 30 : Long.MAX_VALUE / 2_000_000_000L);
  private static final int JAVAC_GROUP = 40;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Path> BASES =
      List.of(
          Path.of("src/test/resources/projects/mutation-base"),
          Path.of("../examples/contract"),
          Path.of("../examples/payment-callback"));

  /** A case hookc compiled, with its generated sources, waiting for javac. */
  private record Generated(long seed, String what, List<GeneratedSource> sources) {}

  @TempDir Path work;

  @Test
  void compilesEveryRandomProjectOrRefusesItWithLocatedDiagnostics() throws Exception {
    List<String> failures = new ArrayList<>();
    List<Generated> generated = new ArrayList<>();
    Map<String, Integer> endings = new TreeMap<>();
    Map<String, Integer> codes = new TreeMap<>();
    long start = cpuNanos();
    int tried = 0;
    for (int i = 0; i < CASES && cpuNanos() - start < BUDGET_SECONDS * 1_000_000_000L; i++) {
      tried++;
      long seed = SEED + i;
      Random random = new Random(seed);
      String packageName = "gen.p" + i;
      Path project = work.resolve("c" + i);
      boolean schema = i % 2 == 0;
      String what = schema ? schemaProject(project, random) : mutatedProject(project, random);
      PipelineProbe.Outcome outcome = PipelineProbe.run(project, packageName, false);
      endings.merge((schema ? "schema " : "mutation ") + outcome.ending(), 1, Integer::sum);
      switch (outcome.ending()) {
        case COMPILED ->
            generated.add(new Generated(seed, what, outcome.result().orElseThrow().sources()));
        case REFUSED -> {
          for (Diagnostic d : outcome.result().orElseThrow().diagnostics()) {
            if (d.location().file().isBlank()) {
              failures.add(failure(seed, what, "diagnostic without a file: " + d));
            }
            if (d.severity() == Severity.ERROR) {
              codes.merge(d.code().id(), 1, Integer::sum);
            }
          }
        }
        default -> failures.add(failure(seed, what, outcome.detail()));
      }
      if (generated.size() == JAVAC_GROUP) {
        javac(List.copyOf(generated), failures);
        generated.clear();
      }
    }
    if (!generated.isEmpty()) {
      javac(generated, failures);
    }
    System.out.printf(
        "Random projects from seed %d: %d cases in %d s of CPU, %s; errors reported %s%n",
        SEED, tried, (cpuNanos() - start) / 1_000_000_000L, endings, codes);
    assertThat(tried).as("cases tried in the budget").isGreaterThanOrEqualTo(Math.min(CASES, 100));
    assertThat(failures).as("random projects that broke the pipeline").isEmpty();
  }

  /** The CPU time of the whole JVM: hookc reads events in parallel and javac runs in this one. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Compiles the sources of many cases (each in its own package) at once, or finds the culprit. */
  private static void javac(List<Generated> group, List<String> failures) {
    List<GeneratedSource> sources = group.stream().flatMap(g -> g.sources().stream()).toList();
    try {
      ProjectBuild.javacGenerated(sources);
    } catch (AssertionError e) {
      if (group.size() == 1) {
        failures.add(failure(group.get(0).seed(), group.get(0).what(), e.getMessage()));
        return;
      }
      javac(group.subList(0, group.size() / 2), failures);
      javac(group.subList(group.size() / 2, group.size()), failures);
    }
  }

  private static String failure(long seed, String what, String detail) {
    return "seed "
        + seed
        + " (rerun: -Dhookc.random.seed="
        + seed
        + " -Dhookc.random.cases=1): "
        + what
        + "\n"
        + detail;
  }

  /** A project whose one event's body is a random schema; returns the event's text. */
  private static String schemaProject(Path project, Random random) throws IOException {
    StringBuilder event = new StringBuilder("http.post./random:\n  fn: answer\n");
    event.append("  body:\n    content:\n      application/json:\n        schema:\n");
    JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsString(new RandomSchemas(random).root())
        .lines()
        .forEach(line -> event.append("          ").append(line).append('\n'));
    write(project.resolve("src/events/random.yaml"), event.toString());
    write(
        project.resolve("src/functions/answer.yaml"),
        "tasks:\n  - id: answer\n    fn: com.gs.return\n    args:\n      code: 200\n"
            + "      data: <% inputs.body %>\n");
    Files.createDirectories(project.resolve("src/main/java"));
    return "src/events/random.yaml:\n" + event;
  }

  /** A copy of a base project with mistakes in one of its YAML files; returns that file's text. */
  private static String mutatedProject(Path project, Random random) throws IOException {
    Path base = BASES.get(random.nextInt(BASES.size()));
    List<Path> yaml = new ArrayList<>();
    try (Stream<Path> files = Files.walk(base.resolve("src"))) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String relative = base.relativize(file).toString().replace('\\', '/');
        if (relative.startsWith("src/test/")) {
          continue;
        }
        Path copy = project.resolve(relative);
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
        if (relative.endsWith(".yaml")) {
          yaml.add(copy);
        }
      }
    }
    Files.createDirectories(project.resolve("src/main/java"));
    Path victim = yaml.get(random.nextInt(yaml.size()));
    String mutated =
        new YamlMutations(random).mutate(Files.readString(victim, StandardCharsets.UTF_8));
    Files.writeString(victim, mutated, StandardCharsets.UTF_8);
    return base + ", " + project.relativize(victim) + ":\n" + mutated;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
