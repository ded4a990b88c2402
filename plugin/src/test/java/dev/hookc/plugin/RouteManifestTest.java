package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.delivery.RouteManifest;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.plugin.GenerationResult.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/hookc/routes.json} of the webhooks example: as its golden file (regenerate with
 * {@code -Dhookc.golden.update=true} and review the diff), and byte for byte the same whether the
 * build read every file or only those a change reached; with the delivery warnings replayed from
 * the analysis cache as a clean build reports them.
 */
class RouteManifestTest {
  private static final Path EXAMPLE = Paths.get("../examples/webhooks/src");
  private static final Path GOLDEN = Paths.get("src/test/resources/golden/routes/webhooks.json");

  @TempDir Path project;

  private Path state;

  @BeforeEach
  void copyExample() throws IOException {
    state = project.resolve("target/hookc/inputs.sha256");
    copy(EXAMPLE, project.resolve("src"));
  }

  @Test
  void writesTheExamplesManifestAsItsGoldenFile() throws IOException {
    assertThat(generate().outcome()).isEqualTo(Outcome.GENERATED);
    String manifest = routes();
    if (Boolean.getBoolean("hookc.golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, manifest, StandardCharsets.UTF_8);
    }
    assertThat(manifest).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void anIncrementalBuildWritesTheCleanBuildsManifest() throws IOException {
    generate();
    edit("src/events/webhooks.yaml", "summary: A public route", "summary: A public ping");
    GenerationResult incremental = generate();
    assertThat(incremental.read()).as("read only what the change reaches").isPositive();
    String afterIncremental = routes();

    assertThat(afterIncremental).isEqualTo(cleanBuildRoutes());
  }

  @Test
  void aChangedGuaranteeReachesTheManifestOfAnIncrementalBuild() throws IOException {
    generate();
    edit("src/events/webhooks.yaml", "ttl: 3d", "ttl: 4d");
    generate();
    String afterIncremental = routes();

    assertThat(afterIncremental).contains("\"ttl\" : \"4d\"").isEqualTo(cleanBuildRoutes());
  }

  @Test
  void isWrittenAgainWhenDeletedWhileTheBuildIsUpToDate() throws IOException {
    generate();
    String first = routes();
    Files.delete(state.resolveSibling(RouteManifest.NAME));

    assertThat(generate().outcome()).isEqualTo(Outcome.UP_TO_DATE);
    assertThat(routes()).isEqualTo(first);
  }

  @Test
  void replaysDeliveryWarningsFromTheCacheAsACleanBuildReportsThem() throws IOException {
    write(
        "src/events/ledger.yaml",
        "http.post./ledger:\n  fn: book\n  delivery: async\n  authn:\n    stripe:\n"
            + "      secret: <% config.stripe.webhook_secret %>\n");
    write(
        "src/functions/book.yaml",
        "tasks:\n  - id: book\n    fn: verifySignature\n"
            + "    args: {payload: x, signature: y, timestamp: z}\n"
            + "  - id: done\n    args: {statusCode: 200}\n");
    GenerationResult warned = generate();
    assertThat(codes(warned.diagnostics())).containsExactly("HC8003 src/functions/book.yaml:3:9");

    // An edit elsewhere: book.yaml is not read again, its warning is replayed.
    edit("src/events/webhooks.yaml", "summary: A public route", "summary: A public ping");
    GenerationResult replayed = generate();
    assertThat(replayed.read()).isPositive();
    assertThat(replayed.diagnostics()).isEqualTo(warned.diagnostics());

    // The route starts passing the key: the warning goes, as in a clean build.
    edit("src/functions/book.yaml", "payload: x", "payload: <% inputs.delivery.id %>");
    GenerationResult fixed = generate();
    assertThat(codes(fixed.diagnostics())).isEmpty();

    // And an edit to the event alone, which changes what the unchanged workflow is run with.
    edit("src/functions/book.yaml", "payload: <% inputs.delivery.id %>", "payload: x");
    generate();
    edit("src/events/ledger.yaml", "  delivery: async\n", "");
    GenerationResult synchronous = generate();
    assertThat(codes(synchronous.diagnostics()))
        .containsExactly("HC8003 src/functions/book.yaml:3:9");
    edit(
        "src/events/ledger.yaml",
        "webhook_secret %>\n",
        "webhook_secret %>\n  idempotency:\n    key: <% inputs.delivery.id %>\n    ttl: 3d\n");
    GenerationResult idempotent = generate();
    assertThat(codes(idempotent.diagnostics())).isEmpty();
    assertThat(idempotent.diagnostics()).isEqualTo(cleanBuild().diagnostics());
  }

  @Test
  void aCalledWorkflowKeepsItsWarningWhenOnlyItChanges() throws IOException {
    write(
        "src/events/ledger.yaml",
        "http.post./ledger:\n  fn: book\n  delivery: async\n  authn:\n    stripe:\n"
            + "      secret: <% config.stripe.webhook_secret %>\n");
    write(
        "src/functions/book.yaml",
        "tasks:\n  - id: post\n    fn: post\n    args: {body: {amount: 1}}\n"
            + "  - id: done\n    args: {statusCode: 200}\n");
    write(
        "src/functions/post.yaml",
        "tasks:\n  - id: sign\n    fn: verifySignature\n"
            + "    args: {payload: x, signature: y, timestamp: z}\n");
    assertThat(codes(generate().diagnostics()))
        .containsExactly("HC8003 src/functions/post.yaml:3:9");

    // Only the called workflow changes: the route that runs it is in a file it does not name.
    edit("src/functions/post.yaml", "signature: y", "signature: w");
    GenerationResult edited = generate();

    assertThat(codes(edited.diagnostics())).containsExactly("HC8003 src/functions/post.yaml:3:9");
    assertThat(edited.diagnostics()).isEqualTo(cleanBuild().diagnostics());
  }

  private static List<String> codes(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(d -> d.code().id().startsWith("HC80"))
        .map(d -> d.code().id() + " " + d.location())
        .toList();
  }

  private String cleanBuildRoutes() throws IOException {
    cleanBuild();
    return routes();
  }

  private GenerationResult cleanBuild() throws IOException {
    delete(project.resolve("target"));
    GenerationResult clean = generate();
    assertThat(clean.read()).isEqualTo(-1);
    return clean;
  }

  private String routes() throws IOException {
    return Files.readString(state.resolveSibling(RouteManifest.NAME), StandardCharsets.UTF_8);
  }

  private GenerationResult generate() throws IOException {
    CompileRequest compile =
        new CompileRequest(
            project,
            project.resolve("src/events"),
            project.resolve("src/functions"),
            project.resolve("src/definitions"),
            project.resolve("src/main/java"),
            project.resolve("target/generated-sources/hookc"),
            "dev.hookc.examples.webhooks");
    GenerationResult result =
        new SourceGenerator()
            .generate(new GenerationRequest(compile, state, false, "1.0-test", "test"));
    assertThat(result.diagnostics()).noneMatch(d -> d.severity().name().equals("ERROR"));
    return result;
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
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.filter(Files::isRegularFile).toList()) {
        if (source.toString().contains("/test/")) {
          continue;
        }
        Path target = to.resolve(from.relativize(source).toString());
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
      }
    }
  }

  private static void delete(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
