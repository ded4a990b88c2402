package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hookc.compiler.TestProject;
import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The JSON Schemas that editors read for hookc's YAML: written to {@code target/hookc/schemas/},
 * valid for every project the build accepts, and naming exactly the keys the compiler accepts.
 */
class EditorSchemasTest {
  private static final String BASE = "https://hookc.dev/schemas/";
  private static final String PROBE = "zz_probe";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_7,
          builder ->
              builder.schemas(
                  iri ->
                      iri.startsWith(BASE)
                          ? new String(
                              EditorSchemas.content(iri.substring(BASE.length())),
                              StandardCharsets.UTF_8)
                          : null));

  @TempDir Path temp;

  @Test
  void generationWritesEverySchemaAndLeavesUnchangedOnesAlone() throws IOException {
    Path directory = temp.resolve("target/hookc/schemas");
    EditorSchemas.writeTo(directory);
    Path event = directory.resolve("event.schema.json");
    FileTime old = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(event, old);
    Files.writeString(directory.resolve("workflow.schema.json"), "stale");

    EditorSchemas.writeTo(directory);

    for (String name : EditorSchemas.NAMES) {
      assertThat(Files.readAllBytes(directory.resolve(name)))
          .isEqualTo(EditorSchemas.content(name));
      assertThat(JSON.readTree(EditorSchemas.content(name)).path("$id").asText())
          .isEqualTo(BASE + name);
    }
    assertThat(Files.getLastModifiedTime(event)).isEqualTo(old);
  }

  @Test
  void everyYamlFileOfTheExamplesArchetypeAndBuildingScenariosIsValid() throws IOException {
    List<Path> roots = new ArrayList<>();
    try (Stream<Path> examples = Files.list(Path.of("../examples"))) {
      examples.filter(Files::isDirectory).forEach(roots::add);
    }
    roots.add(Path.of("../archetype/src/main/resources/archetype-resources"));
    try (Stream<Path> scenarios = Files.list(Path.of("../it/src/it"))) {
      scenarios.filter(EditorSchemasTest::builds).forEach(roots::add);
    }
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path root : roots) {
      checked += check(root.resolve("src/events"), "event.schema.json", problems);
      checked += check(root.resolve("src/functions"), "workflow.schema.json", problems);
      checked += check(root.resolve("src/datasources"), "datasource.schema.json", problems);
      Path http = root.resolve("src/eventsources/http.yaml");
      if (Files.isRegularFile(http)) {
        checked += validate(http, "http.schema.json", problems);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThan(30);
  }

  @Test
  void aMisspeltKeyIsFlaggedWhereTheCompilerFlagsIt() throws IOException {
    assertThat(errors("event.schema.json", "http.post./p:\n  fn: handle\n  summray: x\n"))
        .isNotEmpty();
    assertThat(errors("workflow.schema.json", "tasks:\n  - id: a\n    fn: com.gs.transfrom\n"))
        .isEmpty(); // a name the compiler resolves: any function name is a string
    assertThat(errors("workflow.schema.json", "tasks:\n  - id: a\n    fn: x\n    arg: {}\n"))
        .isNotEmpty();
    assertThat(errors("event.schema.json", "http.post./p:\n  fn: a\n  delivery: later\n"))
        .isNotEmpty();
    assertThat(errors("event.schema.json", "http.post./p:\n  fn: a\n  retry: {backoff: 1s}\n"))
        .isEmpty();
    assertThat(errors("event.schema.json", "http.post./p:\n  fn: a\n  retry: {backoff: 1}\n"))
        .as("a bare number is a duration without its unit")
        .isNotEmpty();
  }

  @Test
  void theBuiltInFunctionsOfferedAreTheCompilersOwn() throws IOException {
    JsonNode fn =
        JSON.readTree(EditorSchemas.content("workflow.schema.json"))
            .at("/definitions/task/properties/fn/anyOf/0/enum");
    Set<String> offered = new TreeSet<>();
    fn.forEach(name -> offered.add(name.asText()));
    assertThat(offered).isEqualTo(new TreeSet<>(FunctionTable.BUILTINS));
  }

  /**
   * Each place the compiler checks keys, probed with a key it cannot know: the keys its hint lists
   * must be the keys the schema declares at that place.
   */
  @Test
  void everyKeyTheCompilerAcceptsIsInTheSchemasAndNoOther() throws IOException {
    String workflow = "tasks:\n  - id: done\n    fn: com.gs.return\n    args: {}\n";
    probe(
        "event.schema.json",
        "/definitions/event",
        project().file("src/events/e.yaml", "http.post./p:\n  fn: handle\n  zz_probe: 1\n"));
    probe(
        "event.schema.json",
        "/definitions/parameter",
        project()
            .file(
                "src/events/e.yaml",
                "http.post./p:\n  fn: handle\n  params:\n"
                    + "    - {name: a, in: query, zz_probe: 1}\n"));
    probe(
        "event.schema.json",
        "/definitions/event/properties/idempotency",
        project()
            .file(
                "src/events/e.yaml",
                "http.post./p:\n  fn: handle\n"
                    + "  idempotency: {key: '<% inputs.headers.x %>', zz_probe: 1}\n"));
    probe(
        "event.schema.json",
        "/definitions/event/properties/retry",
        project()
            .file(
                "src/events/e.yaml",
                "http.post./p:\n  fn: handle\n  delivery: async\n  retry: {zz_probe: 1}\n"));
    for (String scheme : List.of("standard-webhooks", "stripe", "github", "hmac", "jwt")) {
      probe(
          "event.schema.json",
          "/definitions/authn/properties/" + scheme,
          project()
              .file(
                  "src/events/e.yaml",
                  "http.post./p:\n  fn: handle\n  authn:\n    "
                      + scheme
                      + ": {secret: '<% env.SECRET %>', zz_probe: 1}\n"));
    }
    probeNames(
        "event.schema.json",
        "/definitions/authn",
        project()
            .file("src/events/e.yaml", "http.post./p:\n  fn: handle\n  authn: {zz_probe: {}}\n"),
        "use one of ");
    probe(
        "workflow.schema.json",
        "",
        project(workflow).file("src/functions/other.yaml", workflow + "zz_probe: 1\n"));
    probe(
        "workflow.schema.json",
        "/definitions/task",
        project(workflow)
            .file("src/functions/other.yaml", workflow + "  - id: b\n    zz_probe: 1\n"));
    probe(
        "workflow.schema.json",
        "/definitions/onError",
        project(workflow).file("src/functions/other.yaml", workflow + "on_error: {zz_probe: 1}\n"));
    probe(
        "workflow.schema.json",
        "/definitions/task/properties/retry",
        project(workflow)
            .file(
                "src/functions/other.yaml",
                workflow.replace("args: {}", "args: {}\n    retry: {zz_probe: 1}")));
    probe(
        "http.schema.json",
        "",
        project().file("src/eventsources/http.yaml", "type: http\nzz_probe: 1\n"));
    probe(
        "http.schema.json",
        "/properties/docs",
        project().file("src/eventsources/http.yaml", "type: http\ndocs: {zz_probe: 1}\n"));
    probe(
        "http.schema.json",
        "/properties/docs/properties/info",
        project().file("src/eventsources/http.yaml", "type: http\ndocs: {info: {zz_probe: 1}}\n"));
    probe(
        "http.schema.json",
        "/properties/docs/properties/servers/items",
        project()
            .file(
                "src/eventsources/http.yaml",
                "type: http\ndocs: {servers: [{url: 'https://a.example', zz_probe: 1}]}\n"));
    probe(
        "http.schema.json",
        "/properties/metrics",
        project().file("src/eventsources/http.yaml", "type: http\nmetrics: {zz_probe: 1}\n"));
    probe(
        "http.schema.json",
        "/properties/store",
        project().file("src/eventsources/http.yaml", "type: http\nstore: {zz_probe: 1}\n"));
    String jdbc = "type: jdbc\nstatements:\n  one: SELECT 1\n";
    probe(
        "datasource.schema.json",
        "/definitions/jdbc",
        project().file("src/datasources/db.yaml", jdbc + "zz_probe: 1\n"));
    probe(
        "datasource.schema.json",
        "/definitions/jdbc/properties/pool",
        project().file("src/datasources/db.yaml", jdbc + "pool: {zz_probe: 1}\n"));
    String http = "type: http\nbase_url: https://api.example.com\n";
    probe(
        "datasource.schema.json",
        "/definitions/http",
        project().file("src/datasources/gw.yaml", http + "zz_probe: 1\n"));
    probe(
        "datasource.schema.json",
        "/definitions/http/properties/retry",
        project().file("src/datasources/gw.yaml", http + "retry: {zz_probe: 1}\n"));
    probe(
        "datasource.schema.json",
        "/definitions/http/properties/retry/properties/when",
        project().file("src/datasources/gw.yaml", http + "retry: {when: {zz_probe: 1}}\n"));
    probe(
        "datasource.schema.json",
        "/definitions/http/properties/operations/additionalProperties",
        project().file("src/datasources/gw.yaml", http + "operations:\n  get./x: {zz_probe: 1}\n"));
    List<String> authn = List.of("bearer", "basic", "oauth2_client_credentials");
    for (int i = 0; i < authn.size(); i++) {
      probe(
          "datasource.schema.json",
          "/definitions/http/properties/authn/allOf/" + i + "/then",
          project()
              .file(
                  "src/datasources/gw.yaml",
                  http + "authn: {type: " + authn.get(i) + ", zz_probe: 1}\n"));
    }
  }

  private TestProject project() throws IOException {
    return project("tasks:\n  - id: done\n    fn: com.gs.return\n    args: {}\n");
  }

  private TestProject project(String handler) throws IOException {
    Path root = Files.createTempDirectory(temp, "project");
    return new TestProject(root).file("src/functions/handle.yaml", handler);
  }

  /** The keys the compiler names for the probe equal the schema's properties at {@code pointer}. */
  private static void probe(String schema, String pointer, TestProject project) throws IOException {
    probeNames(schema, pointer, project, "known keys: ");
  }

  private static void probeNames(String schema, String pointer, TestProject project, String prefix)
      throws IOException {
    List<Diagnostic> diagnostics = project.compile().diagnostics();
    Diagnostic probe =
        diagnostics.stream()
            .filter(d -> d.message().contains("'" + PROBE + "'"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no diagnostic names the probe: " + diagnostics));
    String hint = probe.hint().orElse("");
    assertThat(hint).as(probe.format()).startsWith(prefix);
    Set<String> accepted = new TreeSet<>(List.of(hint.substring(prefix.length()).split(", ")));
    Set<String> declared = new TreeSet<>();
    JsonNode node = JSON.readTree(EditorSchemas.content(schema)).at(pointer);
    node.path("properties").fieldNames().forEachRemaining(declared::add);
    assertThat(declared)
        .as(schema + "#" + pointer + " against " + probe.format())
        .isEqualTo(accepted);
    assertThat(node.path("additionalProperties").asBoolean(true))
        .as(schema + "#" + pointer + " flags unknown keys")
        .isFalse();
  }

  private static boolean builds(Path scenario) {
    Path properties = scenario.resolve("invoker.properties");
    try {
      return Files.isDirectory(scenario.resolve("src"))
          && (!Files.isRegularFile(properties)
              || !Files.readString(properties).contains("buildResult = failure"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int check(Path directory, String schema, List<String> problems)
      throws IOException {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files =
          walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    int checked = 0;
    for (Path file : files) {
      checked += validate(file, schema, problems);
    }
    return checked;
  }

  private static int validate(Path file, String schema, List<String> problems) throws IOException {
    for (Error error : errors(schema, Files.readString(file))) {
      problems.add(
          file.normalize() + " " + error.getInstanceLocation() + ": " + error.getMessage());
    }
    return 1;
  }

  private static List<Error> errors(String schema, String yaml) throws IOException {
    Object document = new Yaml().load(yaml);
    Schema validator = REGISTRY.getSchema(SchemaLocation.of(BASE + schema));
    return validator.validate(JSON.writeValueAsString(document), InputFormat.JSON);
  }
}
