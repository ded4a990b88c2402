package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.runtime.Application;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs every schema of the official JSON-Schema-Test-Suite (draft 2020-12 and its format tests, and
 * draft-07 where its meaning matches 2020-12) through the whole pipeline the plugin runs: each
 * schema is an event's body in a generated project, hookc generates its payload classes, binder,
 * validator and controller, javac compiles them, and every case of the suite is posted to the
 * running application. Refusing a schema with a located diagnostic is acceptable (hookc does not
 * support every keyword); an internal error, code that does not compile, or an answer other than
 * 200 for a valid body and 400 for an invalid one is not. {@link
 * dev.hookc.compiler.emit.validation.JsonSchemaConformanceTest} checks the validators alone, case
 * by case; this test checks that nothing between the YAML and the HTTP answer breaks.
 *
 * <p>hookc follows draft 2020-12, so a draft-07 group whose meaning differs (the array form of
 * {@code items}, {@code dependencies}, {@code $ref} siblings being ignored, ...) is not run: {@code
 * draft7/EXCLUDED.tsv} lists each one with the draft difference that excludes it.
 */
class JsonSchemaSuitePipelineTest {
  private static final String PACKAGE = "dev.hookc.test.suite";
  private static final int BATCH = 128;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One schema of the suite, the event {@code /s<index>} whose body it is, and its cases. */
  private record Entry(
      int index, String file, String description, JsonNode schema, JsonNode tests) {
    String name() {
      return file + " | " + description;
    }
  }

  /** A batch that compiled, with its classes. */
  private record Compiled(List<Entry> entries, ClassLoader classes) {}

  @TempDir Path work;
  private int projects;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      value = {"draft2020-12; 1000; ''", "draft7; 300; escaped pointer ref"},
      delimiter = ';')
  void buildsEverySchemaOfTheSuiteIntoCodeThatCompilesAndAnswersEveryCaseOrALocatedRefusal(
      String draft, int minimumCases, String knownRefusals) throws Exception {
    Map<Entry, String> excluded = new LinkedHashMap<>();
    List<Entry> entries = suite(draft, excluded);
    int excludedCases = excluded.keySet().stream().mapToInt(e -> e.tests().size()).sum();
    List<String> failures = new ArrayList<>();
    Map<String, Set<String>> refusals = new TreeMap<>();
    List<Compiled> compiled = new ArrayList<>();
    Deque<List<Entry>> batches = new ArrayDeque<>();
    for (int from = 0; from < entries.size(); from += BATCH) {
      batches.add(entries.subList(from, Math.min(entries.size(), from + BATCH)));
    }
    long start = System.nanoTime();
    while (!batches.isEmpty()) {
      build(batches.pop(), batches, compiled, refusals, failures);
    }
    long builtAt = System.nanoTime();
    int cases = 0;
    List<String> objectOnly = new ArrayList<>();
    for (Compiled batch : compiled) {
      cases += post(batch, failures, objectOnly);
    }
    System.out.printf(
        "JSON Schema suite: built in %d ms, served in %d ms%n",
        (builtAt - start) / 1_000_000, (System.nanoTime() - builtAt) / 1_000_000);
    int built = compiled.stream().mapToInt(c -> c.entries().size()).sum();
    System.out.printf(
        "JSON Schema suite through the whole pipeline (%s + formats): %d schemas, %d"
            + " compiled and served %d cases (%d valid non-objects refused by a payload class),"
            + " %d schemas refused with located diagnostics %s; %d schemas (%d cases) not run"
            + " because their meaning differs from 2020-12%n",
        draft,
        entries.size(),
        built,
        cases,
        objectOnly.size(),
        refusals.size(),
        codesOf(refusals),
        excluded.size(),
        excludedCases);
    excluded.forEach(
        (entry, reason) -> System.out.printf("  not run: %s: %s%n", entry.name(), reason));
    refusals.forEach((name, codes) -> System.out.printf("  refused: %s: %s%n", name, codes));
    assertThat(failures).as("schemas or cases that broke the pipeline").isEmpty();
    assertThat(built + refusals.size()).isEqualTo(entries.size());
    // A refusal is located, but each one is a schema hookc could build before: a new one is news.
    assertThat(refusals.keySet().stream().map(name -> name.substring(name.indexOf(" | ") + 3)))
        .as("schemas refused")
        .containsExactlyInAnyOrderElementsOf(
            knownRefusals.isEmpty() ? List.of() : List.of(knownRefusals.split(",")));
    assertThat(cases).isGreaterThan(minimumCases);
  }

  /** Builds a batch, or the parts of it that are not refused, splitting it to find a culprit. */
  private void build(
      List<Entry> batch,
      Deque<List<Entry>> batches,
      List<Compiled> compiled,
      Map<String, Set<String>> refusals,
      List<String> failures)
      throws IOException {
    PipelineProbe.Outcome outcome = PipelineProbe.run(project(batch), PACKAGE, true);
    switch (outcome.ending()) {
      case COMPILED -> compiled.add(new Compiled(batch, outcome.classes().orElseThrow()));
      case REFUSED -> {
        Map<Integer, Set<String>> refused = refusedEvents(outcome);
        List<Entry> rest = batch.stream().filter(e -> !refused.containsKey(e.index())).toList();
        if (refused.isEmpty() || rest.size() == batch.size()) {
          split(batch, batches, failures, "errors outside the events: " + outcome.result());
          return;
        }
        for (Entry entry : batch) {
          if (refused.containsKey(entry.index())) {
            refusals.put(entry.name(), refused.get(entry.index()));
          }
        }
        if (!rest.isEmpty()) {
          batches.push(rest);
        }
      }
      case CRASHED, UNCOMPILABLE ->
          split(batch, batches, failures, outcome.ending() + ": " + outcome.detail());
    }
  }

  private static void split(
      List<Entry> batch, Deque<List<Entry>> batches, List<String> failures, String detail) {
    if (batch.size() == 1) {
      failures.add(batch.get(0).name() + ": " + detail);
      return;
    }
    batches.push(batch.subList(batch.size() / 2, batch.size()));
    batches.push(batch.subList(0, batch.size() / 2));
  }

  /** The error codes of each event refused, by its index. */
  private static Map<Integer, Set<String>> refusedEvents(PipelineProbe.Outcome outcome) {
    Map<Integer, Set<String>> refused = new TreeMap<>();
    for (Diagnostic d : outcome.result().orElseThrow().diagnostics()) {
      String file = d.location().file();
      if (d.severity() == Severity.ERROR && file.matches("src/(events|functions)/s\\d+\\.yaml")) {
        int index = Integer.parseInt(file.replaceAll("\\D", ""));
        refused.computeIfAbsent(index, i -> new TreeSet<>()).add(d.code().id());
      }
    }
    return refused;
  }

  /** A project with one event and one workflow answering its body back per entry. */
  private Path project(List<Entry> batch) throws IOException {
    Path root = work.resolve("p" + projects++);
    Files.createDirectories(root.resolve("src/main/java"));
    for (Entry entry : batch) {
      String name = "s" + entry.index();
      StringBuilder event = new StringBuilder();
      event.append("http.post./").append(name).append(":\n");
      event.append("  fn: ").append(name).append("\n");
      event.append("  body:\n    content:\n      application/json:\n        schema:\n");
      JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(entry.schema())
          .lines()
          .forEach(line -> event.append("          ").append(line).append('\n'));
      write(root.resolve("src/events/" + name + ".yaml"), event.toString());
      write(
          root.resolve("src/functions/" + name + ".yaml"),
          "tasks:\n  - id: answer\n    fn: com.gs.return\n    args:\n      code: 200\n"
              + "      data: <% inputs.body %>\n");
    }
    return root;
  }

  /** Posts every case of a compiled batch; a valid body must get 200, an invalid one 400. */
  private static int post(Compiled batch, List<String> failures, List<String> objectOnly)
      throws Exception {
    int cases = 0;
    try (Application server = ProjectBuild.start(batch.classes(), PACKAGE)) {
      for (Entry entry : batch.entries()) {
        for (JsonNode test : entry.tests()) {
          cases++;
          boolean valid = test.get("valid").booleanValue();
          HttpResponse<String> response = post(server, entry, test.get("data"));
          if (valid && boundAsObject(entry, response)) {
            objectOnly.add(entry.name() + " | " + test.get("description").asText());
          } else if (response.statusCode() != (valid ? 200 : 400)) {
            failures.add(
                String.format(
                    "%s | %s: expected %s, got %d %s",
                    entry.name(),
                    test.get("description").asText(),
                    valid ? 200 : 400,
                    response.statusCode(),
                    response.body()));
          }
        }
      }
    }
    return cases;
  }

  /**
   * Whether a valid body was refused because hookc binds the schema to a payload class: a schema
   * that declares properties but no {@code type} admits any non-object in JSON Schema, and its
   * class takes objects only, so such a body gets a 400 at the binder ({@code type}: "expected an
   * object"), never a 500. docs/events.md says so.
   */
  private static boolean boundAsObject(Entry entry, HttpResponse<String> response)
      throws IOException {
    if (response.statusCode() != 400 || entry.schema().has("type")) {
      return false;
    }
    JsonNode errors = JSON.readTree(response.body()).path("errors");
    if (errors.isEmpty()) {
      return false;
    }
    for (JsonNode error : errors) {
      if (!error.path("keyword").asText().equals("type")
          || !error.path("message").asText().equals("expected an object")) {
        return false;
      }
    }
    return true;
  }

  private static HttpResponse<String> post(Application server, Entry entry, JsonNode data)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/s" + entry.index()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(data)))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String codesOf(Map<String, Set<String>> refusals) {
    Map<String, Long> counts =
        refusals.values().stream()
            .flatMap(Set::stream)
            .collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
    return counts.toString();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * The schemas of one draft's files, in a stable order; those that {@code EXCLUDED.tsv} names
   * (file, group description or {@code *}, reason) go to {@code excluded} with their reason.
   */
  private static List<Entry> suite(String draft, Map<Entry, String> excluded)
      throws IOException, URISyntaxException {
    Path root =
        Path.of(
            JsonSchemaSuitePipelineTest.class
                .getResource("/json-schema-test-suite/" + draft)
                .toURI());
    Map<String, String> reasons = exclusions(root.resolve("EXCLUDED.tsv"));
    Set<String> unused = new TreeSet<>(reasons.keySet());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<Entry> entries = new ArrayList<>();
    for (Path file : files) {
      String name = root.relativize(file).toString().replace('\\', '/');
      for (JsonNode group : JSON.readTree(file.toFile())) {
        Entry entry =
            new Entry(
                entries.size(),
                name,
                group.get("description").asText(),
                group.get("schema"),
                group.get("tests"));
        String key = reasons.containsKey(name + " | *") ? name + " | *" : entry.name();
        if (reasons.containsKey(key)) {
          unused.remove(key);
          excluded.put(entry, reasons.get(key));
        } else {
          entries.add(entry);
        }
      }
    }
    assertThat(unused).as("exclusions that match no group of the suite").isEmpty();
    return entries;
  }

  /** The reason each excluded group ({@code file | description}) is not run, by group. */
  private static Map<String, String> exclusions(Path tsv) throws IOException {
    Map<String, String> reasons = new TreeMap<>();
    if (Files.exists(tsv)) {
      for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] columns = line.split("\t", 3);
          reasons.put(columns[0] + " | " + columns[1], columns[2]);
        }
      }
    }
    return reasons;
  }
}
