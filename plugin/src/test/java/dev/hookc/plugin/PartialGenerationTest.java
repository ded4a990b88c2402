package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.plugin.GenerationResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripted edits to a realistic project (the contract example's events, workflows, shared
 * definitions and {@code http.yaml}, with a workflow that calls another and a Java function, and a
 * configuration): after each, the output that regenerating only what the edit reaches leaves must
 * be byte for byte a clean build's, and only the expected units may have been emitted again. Every
 * edit runs with the analysis cache of the last generation in place: an edit to event or workflow
 * files reads only the files it reaches and keeps the project-wide classes, any other edit reads
 * every file; either way the diagnostics are a clean build's too.
 */
class PartialGenerationTest {
  private static final Path EXAMPLE = Paths.get("../examples/contract/src");
  private static final String FUNCTIONS = "src/main/java/dev/hookc/test/partial/functions/";
  private static final Set<String> PROJECT_WIDE =
      Set.of("shared definitions", "application", "configuration");

  @TempDir Path project;

  private Path output;
  private Path state;

  @BeforeEach
  void writeProject() throws IOException {
    output = project.resolve("target/generated-sources/hookc");
    state = project.resolve("target/hookc/inputs.sha256");
    for (String dir : new String[] {"events", "functions", "definitions", "eventsources"}) {
      copy(EXAMPLE.resolve(dir), project.resolve("src").resolve(dir));
    }
    write("config/default.yaml", "greeting: hello\n");
    write(FUNCTIONS + "Audit.java", "// written by the user\n");
    write(
        "src/events/relay.yaml",
        "http.post./relay:\n  fn: relay\n  body:\n    content:\n      application/json:\n"
            + "        schema:\n          type: object\n");
    write(
        "src/functions/relay.yaml",
        "tasks:\n  - id: audited\n    fn: audit\n    args:\n      who: <% inputs.body %>\n"
            + "  - id: noted\n    fn: echoNote\n    args:\n      body: <% inputs.body %>\n"
            + "  - id: answer\n    fn: com.gs.return\n    args: <% noted.data %>\n");
    assertThat(generate().outcome()).isEqualTo(Outcome.GENERATED);
  }

  @Test
  void changingOneEventsSchemaRegeneratesThatFilesEventsAndTheirWorkflows() throws IOException {
    edit("src/events/items.yaml", "maximum: 100", "maximum: 50");

    // items.yaml, its three workflows, http.yaml, the configuration, the shared definition and
    // the Java function's source (Java functions are always read).
    assertCachedEqualsClean(
        8, "ItemsById", "GetLookup", "GetBroken", "EchoItem", "Lookup", "Broken");
  }

  @Test
  void changingOneWorkflowsTaskRegeneratesItAndWhatCallsIt() throws IOException {
    edit("src/functions/echoNote.yaml", "note: <% inputs.body %>", "text: <% inputs.body %>");

    // echoNote.yaml, relay.yaml that calls it, the two events files that reach them, the two
    // workflows payments.yaml also names, http.yaml, the configuration, the definition and the Java
    // function's source.
    assertCachedEqualsClean(10, "EchoNote", "PostNotes", "Relay", "function audit");
  }

  @Test
  void changingOneEventsBodySchemaAssemblesTheDocumentWithoutPlanningTheWholeProject()
      throws IOException {
    edit("src/events/payments.yaml", "maxLength: 1000", "maxLength: 500");

    // payments.yaml is read whole, with what its events reach; the document is made of its fresh
    // part and the remembered part of items.yaml.
    GenerationResult result =
        assertRegenerated(
            Set.of(),
            "PostPayments",
            "PostNotes",
            "PostEcho",
            "EchoNote",
            "EchoRaw",
            "EchoPayment",
            "Relay",
            "function audit");
    assertThat(result.read()).isPositive().isLessThan(result.inputs());
    assertThat(result.notes()).anyMatch(n -> n.startsWith("OpenAPI document assembled"));
  }

  @Test
  void editingOnlyAnEventsDocumentationAssemblesTheDocumentAsACleanBuildWrites()
      throws IOException {
    edit(
        "src/events/items.yaml",
        "summary: Look an item up, with typed parameters",
        "summary: Look an item up\n  description: By its number, with typed parameters");
    GenerationResult summary = generate();
    assertThat(summary.notes()).anyMatch(n -> n.startsWith("OpenAPI document assembled"));
    assertThat(summary.read()).isPositive();
    assertSameAsCleanBuild(summary);

    edit(
        "src/events/payments.yaml",
        "                type: string\n\nhttp.post./echo:",
        "                type: string\n        example:\n          text: paid\n\nhttp.post./echo:");
    GenerationResult example = generate();
    assertThat(example.notes()).anyMatch(n -> n.startsWith("OpenAPI document assembled"));
    assertSameAsCleanBuild(example);
  }

  @Test
  void editingOperationsThatShareThePathsLastPathAssemblesTheDocumentAsACleanBuildWrites()
      throws IOException {
    // /relay is the document's last path: relay.yaml serves its POST, more.yaml its GET, signed
    // with a scheme that third.yaml, read first, also names (the first file's text wins).
    write(
        "src/events/more.yaml",
        "http.get./relay:\n  summary: The relay's state\n  fn: echoItem\n  authn:\n    hmac:\n"
            + "      secret: <% env.HOOKC_MORE_SECRET %>\n      header: X-Sig\n");
    write(
        "src/events/abc.yaml",
        "http.get./abc:\n  fn: echoItem\n  authn:\n    hmac:\n"
            + "      secret: <% env.HOOKC_ABC_SECRET %>\n      header: X-Sig\n");
    assertThat(generate().outcome()).isEqualTo(Outcome.GENERATED);

    edit(
        "src/events/more.yaml",
        "summary: The relay's state",
        "summary: The relay's state\n  description: \"Two lines,\\n\\n  the second 'quoted',"
            + " \\\"double\\\" and: indented\"");
    assertDocumentAssembledAsACleanBuildWrites();
    edit("src/events/relay.yaml", "http.post./relay:\n", "http.post./relay:\n  summary: Last\n");
    assertDocumentAssembledAsACleanBuildWrites();
    edit("src/events/abc.yaml", "http.get./abc:\n", "http.get./abc:\n  summary: First signed\n");
    assertDocumentAssembledAsACleanBuildWrites();
  }

  @Test
  void editingOperationsOnUnusualPathsGivesTheDocumentACleanBuildWrites() throws IOException {
    // Quotes and a colon make YAML quote a path; one of 128 characters or more is no simple key
    // in YAML (written after a question mark, its value's first key on the colon's line).
    String odd = "/odd/{id}/it's:\"odd\" #1";
    String path = "/" + "segment/".repeat(17) + "{id}";
    write(
        "src/events/odd.yaml",
        "\"http.put."
            + odd.replace("\"", "\\\"")
            + "\":\n  summary: 'An odd: path'\n"
            + "  fn: echoItem\n");
    write("src/events/long.yaml", "http.put." + path + ":\n  summary: Long\n  fn: echoItem\n");
    assertThat(generate().outcome()).isEqualTo(Outcome.GENERATED);
    assertThat(documents().get("openapi.json")).contains("segment/segment", "it's:\\\"odd");

    edit("src/events/odd.yaml", "summary: 'An odd: path'", "summary: '- a dash, then\ttab'");
    assertDocumentAssembledAsACleanBuildWrites();
    edit("src/events/long.yaml", "summary: Long", "summary: Longer");
    assertDocumentAssembledAsACleanBuildWrites();
  }

  /** Regenerates after an edit to one event's documentation and compares with a clean build. */
  private void assertDocumentAssembledAsACleanBuildWrites() throws IOException {
    GenerationResult result = generate();
    assertThat(result.notes()).anyMatch(n -> n.startsWith("OpenAPI document assembled"));
    assertThat(result.read()).isPositive().isLessThan(result.inputs());
    assertSameAsCleanBuild(result);
  }

  @Test
  void plansTheWholeProjectForTheDocumentWhenItsRememberedPartsAreCorrupt() throws IOException {
    Path parts = state.resolveSibling(ApiDocsOutput.PARTS);
    edit(parts.toString().substring(project.toString().length() + 1), "/items", "/itemz");
    edit("src/events/items.yaml", "maximum: 100", "maximum: 50");

    GenerationResult result = generate();

    assertThat(result.read()).isPositive();
    assertThat(result.notes()).anyMatch(n -> n.contains("planned again, whole"));
    assertSameAsCleanBuild(result);
    edit("src/events/items.yaml", "maximum: 50", "maximum: 40");
    assertThat(generate().notes()).anyMatch(n -> n.startsWith("OpenAPI document assembled"));
  }

  @Test
  void changingTheArgsACallerPassesRetypesTheWorkflowItCalls() throws IOException {
    writeDoubling();
    edit(
        "src/functions/doubler.yaml",
        "n: <% inputs.body.n %>",
        "n: <% inputs.body.n %>\n      by: 2");

    // doubler.yaml, math/double.yaml (whose inputs record gains by()) and double.yaml, http.yaml,
    // the configuration, the shared definition and the Java function's source.
    assertCachedEqualsClean(7, "Doubler", "math.double", "PostDouble");
  }

  @Test
  void changingAnEventsSchemaRetypesTheWorkflowsThatItsWorkflowCalls() throws IOException {
    writeDoubling();
    edit("src/events/double.yaml", "type: integer", "type: string");

    // The event's schema types doubler's args, which type math.double's inputs (n() is a String):
    // math/double.yaml depends on double.yaml through its caller. The same seven files are read.
    assertCachedEqualsClean(7, "Doubler", "math.double", "PostDouble");
  }

  /** An event whose workflow calls math.double in Godspeed's form, built once. */
  private void writeDoubling() throws IOException {
    write(
        "src/events/double.yaml",
        "http.post./double:\n  fn: doubler\n  body:\n    content:\n      application/json:\n"
            + "        schema:\n          type: object\n          properties:\n"
            + "            n:\n              type: integer\n");
    write(
        "src/functions/doubler.yaml",
        "tasks:\n  - id: call\n    fn: math.double\n    args:\n      n: <% inputs.body.n %>\n");
    write(
        "src/functions/math/double.yaml",
        "tasks:\n  - id: answer\n    fn: com.gs.return\n    args: {value: <% inputs.n %>}\n");
    assertThat(generate().outcome()).isEqualTo(Outcome.GENERATED);
  }

  @Test
  void aFileWithAReachedEventIsReadWholeWithWhatItsOtherEventsDependOn() throws IOException {
    // pair.yaml's second event runs a workflow that third.yaml's event also runs: reading pair.yaml
    // whole takes third.yaml too, although the change does not reach it.
    write(
        "src/events/pair.yaml",
        "http.post./pair/one:\n  fn: pairOne\n\nhttp.post./pair/two:\n  fn: pairTwo\n");
    write("src/events/third.yaml", "http.post./third:\n  fn: pairTwo\n");
    write("src/functions/pairOne.yaml", "tasks:\n  - id: a\n    args: <% inputs.body %>\n");
    write("src/functions/pairTwo.yaml", "tasks:\n  - id: b\n    args: <% inputs.body %>\n");
    generate();
    edit("src/functions/pairOne.yaml", "id: a", "id: answer");

    // pairOne.yaml, pair.yaml, pairTwo.yaml that pair.yaml names, third.yaml, http.yaml, the
    // configuration, the shared definition and the Java function's source.
    assertCachedEqualsClean(8, "PairOne", "PostPairOne");
  }

  @Test
  void withoutTheAnalysisCacheReadsEveryFileAndRegeneratesTheProjectWideClassesToo()
      throws IOException {
    Files.delete(state.resolveSibling(AnalysisCache.NAME));
    edit("src/events/items.yaml", "maximum: 100", "maximum: 50");

    assertPartialEqualsClean("ItemsById", "GetLookup", "GetBroken", "EchoItem", "Lookup", "Broken");
  }

  @Test
  void changingAWorkflowTwiceInARowKeepsTheCacheCurrent() throws IOException {
    edit("src/functions/echoNote.yaml", "note: <% inputs.body %>", "text: <% inputs.body %>");
    assertThat(generate().read()).isPositive();
    edit("src/functions/echoNote.yaml", "text: <% inputs.body %>", "note: <% inputs.body %>");

    assertCachedEqualsClean(10, "EchoNote", "PostNotes", "Relay", "function audit");
  }

  @Test
  void anUnchangedFilesWarningIsReplayedFromTheCacheWhereItWasReported() throws IOException {
    // A task after a return never runs: HC3616, a warning, in a file the next edit does not reach.
    edit(
        "src/functions/echoRaw.yaml",
        "tasks:\n",
        "tasks:\n  - id: early\n    fn: com.gs.return\n    args: 1\n");
    GenerationResult warned = generate();
    assertThat(warned.diagnostics())
        .extracting(d -> d.code().id() + " " + d.location())
        .contains("HC3616 src/functions/echoRaw.yaml:6:5");
    edit("src/events/items.yaml", "maximum: 100", "maximum: 50");

    GenerationResult result = generate();

    assertThat(result.read()).isEqualTo(8);
    assertThat(result.diagnostics())
        .extracting(d -> d.code().id() + " " + d.location())
        .contains("HC3616 src/functions/echoRaw.yaml:6:5");
    assertThat(result.diagnostics()).isEqualTo(warned.diagnostics());
    assertSameAsCleanBuild(result);
  }

  @Test
  void anUndeclaredPropertyReadIsWarnedAgainFromAWarmCacheAndFailsAStrictBuild()
      throws IOException {
    // Payment declares amount but admits other properties: HC4030, in a file the next edit does
    // not reach.
    edit(
        "src/functions/echoPayment.yaml",
        "body: <% inputs.body %>",
        "body: <% inputs.body.ammount %>");
    GenerationResult warned = generate();
    assertThat(warned.diagnostics())
        .extracting(d -> d.code().id() + " " + d.location())
        .containsExactly("HC4030 src/functions/echoPayment.yaml:6:28");
    edit("src/events/items.yaml", "maximum: 100", "maximum: 50");

    GenerationResult result = generate();

    assertThat(result.read()).isEqualTo(8);
    assertThat(result.diagnostics()).isEqualTo(warned.diagnostics());
    assertSameAsCleanBuild(result);
    GenerationResult strict =
        new SourceGenerator()
            .generate(new GenerationRequest(compile(), state, true, "1.0-test", "test"));
    assertThat(strict.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(strict.diagnostics())
        .extracting(d -> d.code().id() + " " + d.location())
        .containsExactly("HC4030 src/functions/echoPayment.yaml:6:28");
  }

  @Test
  void aWarningInTheChangedFileIsReportedFreshAndRemembered() throws IOException {
    edit("src/events/items.yaml", "minLength: 3", "minLength: 3\n        format: shoe-size");

    GenerationResult result = generate();

    assertThat(result.read()).isPositive();
    assertThat(result.diagnostics())
        .extracting(d -> d.code().id() + " " + d.location().file())
        .containsExactly("HC5009 src/events/items.yaml");
    assertSameAsCleanBuild(result);
    edit("src/functions/echoNote.yaml", "note: <% inputs.body %>", "text: <% inputs.body %>");
    GenerationResult next = generate();
    assertThat(next.read()).isPositive();
    assertThat(next.diagnostics()).isEqualTo(result.diagnostics());
  }

  @Test
  void anEventThatStartsUsingASharedDefinitionReadsEveryFile() throws IOException {
    edit(
        "src/events/items.yaml",
        "              id:\n                type: integer",
        "              id:\n                type: integer\n              payment:\n"
            + "                $ref: '#/definitions/Payment'");

    GenerationResult result = generate();

    assertThat(result.read()).isEqualTo(-1);
    assertSameAsCleanBuild(result);
  }

  @Test
  void renamingAnEventsOperationReadsEveryFile() throws IOException {
    edit("src/events/relay.yaml", "fn: relay", "fn: relay\n  operationId: relayed");

    GenerationResult result = generate();

    assertThat(result.read()).isEqualTo(-1);
    assertSameAsCleanBuild(result);
  }

  @Test
  void addingAnEventGeneratesItsClasses() throws IOException {
    write(
        "src/events/more.yaml",
        "http.post./more:\n  fn: echoRaw\n  body:\n    content:\n      application/json:\n"
            + "        schema:\n          type: object\n");

    assertPartialEqualsClean("PostMore", "EchoRaw", "PostEcho");
  }

  @Test
  void removingAnEventDeletesItsClasses() throws IOException {
    edit("src/events/payments.yaml", "http.post./echo:", "http.post./echoed:");
    Files.delete(project.resolve("src/events/relay.yaml"));

    assertPartialEqualsClean(
        "Relay",
        "function audit",
        "PostPayments",
        "PostNotes",
        "PostEcho",
        "EchoPayment",
        "EchoNote",
        "EchoRaw");
  }

  @Test
  void renamingAnEventFileRegeneratesItsEvents() throws IOException {
    Files.move(
        project.resolve("src/events/relay.yaml"), project.resolve("src/events/relayed.yaml"));

    // relay calls echoNote, whose inputs are typed from relay's args and so from relay's events.
    assertPartialEqualsClean("Relay", "function audit", "EchoNote", "PostNotes");
  }

  @Test
  void changingASharedDefinitionRegeneratesTheEventsThatReferToIt() throws IOException {
    edit("src/definitions/payment.yaml", "enum: [EUR, USD]", "enum: [EUR, USD, GBP]");

    assertPartialEqualsClean("PostPayments", "EchoPayment");
  }

  @Test
  void changingHttpYamlRegeneratesEverything() throws IOException {
    edit("src/eventsources/http.yaml", "64KiB", "32KiB");

    GenerationResult result = generate();
    assertThat(result.regenerated()).isEqualTo(result.files());
    assertThat(result.read()).isEqualTo(-1);
    assertSameAsCleanBuild(result);
  }

  @Test
  void changingADatasourcesStatementOrMigrationRegeneratesEverything() throws IOException {
    write(
        "src/datasources/db/V1__notes.sql",
        "CREATE TABLE notes (id VARCHAR(64) PRIMARY KEY, body TEXT, seen INTEGER);\n");
    write(
        "src/datasources/db.yaml",
        "type: jdbc\nstatements:\n  find: SELECT id, body FROM notes WHERE id = :id\n");
    write(
        "src/functions/lookupNote.yaml",
        "tasks:\n  - id: find\n    fn: datasource.db.find\n    args: {id: x}\n"
            + "  - id: answer\n    fn: com.gs.return\n    args: <% outputs.find.data[0].body %>\n");
    generate();

    // The statement's columns type the workflow's expressions: it is no event or workflow file.
    edit("src/datasources/db.yaml", "SELECT id, body", "SELECT id, seen AS body");
    GenerationResult statement = generate();
    assertThat(statement.read()).isEqualTo(-1);
    assertSameAsCleanBuild(statement);

    edit("src/datasources/db/V1__notes.sql", "seen INTEGER", "seen BIGINT");
    GenerationResult migration = generate();
    assertThat(migration.regenerated()).isEqualTo(migration.files());
    assertThat(migration.read()).isEqualTo(-1);
    assertSameAsCleanBuild(migration);
  }

  @Test
  void repointingAnEventsFnRegeneratesBothWorkflows() throws IOException {
    edit("src/events/payments.yaml", "fn: echoNote", "fn: echoRaw");

    assertPartialEqualsClean(
        "PostPayments",
        "PostNotes",
        "PostEcho",
        "EchoNote",
        "EchoRaw",
        "EchoPayment",
        "Relay",
        "function audit");
  }

  @Test
  void addingAJavaFunctionClassRegeneratesTheWorkflowsThatCallThatName() throws IOException {
    write(FUNCTIONS + "Notify.java", "// written by the user\n");
    edit("src/functions/relay.yaml", "fn: audit", "fn: notify");

    // The workflow it calls (and that workflow's event) are typed by whether a task calls them.
    assertPartialEqualsClean("Relay", "function notify", "EchoNote", "PostNotes");
  }

  @Test
  void removingAnUnusedJavaFunctionClassRegeneratesOnlyProjectWideClasses() throws IOException {
    write(FUNCTIONS + "Spare.java", "// written by the user\n");
    generate();
    Files.delete(project.resolve(FUNCTIONS + "Spare.java"));

    assertPartialEqualsClean();
  }

  @Test
  void changingTheConfigurationRegeneratesEverything() throws IOException {
    edit("config/default.yaml", "hello", "bonjour");

    GenerationResult result = generate();
    assertThat(result.regenerated()).isEqualTo(result.files());
    assertThat(result.read()).isEqualTo(-1);
    assertSameAsCleanBuild(result);
  }

  @Test
  void generatesEverythingWhenTheManifestIsUnreadable() throws IOException {
    write("target/hookc/outputs.manifest", "not a manifest\n");
    edit("src/events/items.yaml", "maximum: 100", "maximum: 50");

    GenerationResult result = generate();
    assertThat(result.regenerated()).isEqualTo(-1);
    assertSameAsCleanBuild(result);
  }

  @Test
  void aKeptGeneratedFileThatWasDeletedIsWrittenAgain() throws IOException {
    Path kept = generatedFile("Relay");
    Files.delete(kept);
    edit("src/events/items.yaml", "maximum: 100", "maximum: 50");

    GenerationResult result = generate();
    assertThat(kept).exists();
    assertSameAsCleanBuild(result);
  }

  @Test
  void aKeptGeneratedFileThatWasEditedIsWrittenAgain() throws IOException {
    Path kept = generatedFile("Relay");
    Files.writeString(kept, Files.readString(kept) + "// edited\n");
    edit("src/events/items.yaml", "maximum: 100", "maximum: 50");

    GenerationResult result = generate();
    assertThat(kept).content().doesNotContain("// edited");
    assertSameAsCleanBuild(result);
  }

  @Test
  void theRouteManifestDeletedBeforeAChangeIsWrittenAgainAsACleanBuildWritesIt()
      throws IOException {
    Path routes = state.resolveSibling("routes.json");
    String clean = Files.readString(routes);
    Files.delete(routes);
    edit("src/events/items.yaml", "maximum: 100", "maximum: 50");

    GenerationResult result = generate();
    assertThat(result.read()).isPositive();
    assertThat(routes).hasContent(clean);
  }

  /** A generated file of a unit whose key contains {@code fragment}. */
  private Path generatedFile(String fragment) throws IOException {
    try (Stream<Path> files = Files.walk(output)) {
      return files
          .filter(p -> p.getFileName().toString().contains(fragment))
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .findFirst()
          .orElseThrow();
    }
  }

  /**
   * Regenerates, then checks that every file was read, that exactly the units whose key contains
   * one of {@code fragments} (and the project-wide ones) were emitted, and that the output is a
   * clean build's.
   */
  private void assertPartialEqualsClean(String... fragments) throws IOException {
    GenerationResult result = assertRegenerated(PROJECT_WIDE, fragments);
    assertThat(result.read()).isEqualTo(-1);
  }

  /**
   * Regenerates, then checks that only {@code read} files were read, that exactly the units whose
   * key contains one of {@code fragments} were emitted (the project-wide ones kept), and that the
   * output is a clean build's.
   */
  private void assertCachedEqualsClean(int read, String... fragments) throws IOException {
    GenerationResult result = assertRegenerated(Set.of(), fragments);
    assertThat(result.read()).isEqualTo(read);
  }

  private GenerationResult assertRegenerated(Set<String> projectWide, String... fragments)
      throws IOException {
    OutputManifest before = manifest();
    GenerationResult result = generate();
    OutputManifest after = manifest();
    assertThat(result.outcome()).isEqualTo(Outcome.GENERATED);
    Set<String> expected = new TreeSet<>(projectWide);
    for (String key : after.units().keySet()) {
      for (String fragment : fragments) {
        if (key.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT))) {
          expected.add(key);
        }
      }
    }
    int files = expected.stream().mapToInt(key -> after.units().get(key).outputs().size()).sum();
    assertThat(result.regenerated())
        .as(
            "files regenerated, expected those of %s (units before: %s)",
            expected, before.units().keySet())
        .isEqualTo(files);
    assertThat(result.regenerated()).isLessThan(result.files());
    assertSameAsCleanBuild(result);
    return result;
  }

  /** The output and the diagnostics of {@code result} are a clean build's. */
  private void assertSameAsCleanBuild(GenerationResult result) throws IOException {
    Map<String, String> partial = tree();
    Map<String, String> documents = documents();
    delete(output);
    delete(project.resolve("target/hookc"));
    GenerationResult clean = generate();
    assertThat(clean.regenerated()).isEqualTo(-1);
    assertThat(partial).isEqualTo(tree());
    assertThat(documents).hasSize(4).isEqualTo(documents());
    assertThat(result.diagnostics()).isEqualTo(clean.diagnostics());
  }

  /** The OpenAPI document, JSON and YAML, in target/hookc and its class-path copy. */
  private Map<String, String> documents() throws IOException {
    Map<String, String> documents = new java.util.TreeMap<>();
    Path hookc = state.getParent();
    for (Path dir : new Path[] {hookc, hookc.resolve("resources/dev/hookc/test/partial")}) {
      for (String name : new String[] {"openapi.json", "openapi.yaml"}) {
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
          documents.put(hookc.relativize(file).toString(), Files.readString(file));
        }
      }
    }
    return documents;
  }

  private OutputManifest manifest() {
    return OutputManifest.read(state.resolveSibling(SourceGenerator.MANIFEST)).orElseThrow();
  }

  private CompileRequest compile() {
    return new CompileRequest(
        project,
        project.resolve("src/events"),
        project.resolve("src/functions"),
        project.resolve("src/definitions"),
        project.resolve("src/main/java"),
        output,
        "dev.hookc.test.partial");
  }

  private GenerationResult generate() throws IOException {
    GenerationResult result =
        new SourceGenerator()
            .generate(new GenerationRequest(compile(), state, false, "1.0-test", "test"));
    assertThat(result.diagnostics()).noneMatch(d -> d.severity().name().equals("ERROR"));
    return result;
  }

  private Map<String, String> tree() throws IOException {
    return SourceTrees.read(output);
  }

  private void edit(String path, String from, String to) throws IOException {
    Path file = project.resolve(path);
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private void write(String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
