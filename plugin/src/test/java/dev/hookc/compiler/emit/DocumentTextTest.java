package dev.hookc.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.analysis.Analysis;
import dev.hookc.compiler.analysis.Analyzer;
import dev.hookc.compiler.bind.Binder;
import dev.hookc.compiler.bind.BoundProject;
import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.load.ProjectLoader;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.ProjectInfo;
import dev.hookc.compiler.naming.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The document assembled from its operations' texts is, byte for byte, the document written from
 * the whole tree at once, for every example and test project and for paths and texts that YAML
 * quotes, writes on several lines or cannot write as a simple key; and a part assembles only with
 * its own texts.
 */
class DocumentTextTest {
  private static final Map<String, String> PACKAGES =
      Map.of(
          "callback", "dev.hookc.examples.callback",
          "payment-callback", "dev.hookc.examples.payment",
          "webhooks", "dev.hookc.examples.webhooks",
          "contract", "dev.hookc.examples.contract",
          "hooks", "dev.hookc.test.hooks");

  @TempDir Path project;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../examples/callback",
        "../examples/payment-callback",
        "../examples/webhooks",
        "../examples/contract",
        "src/test/resources/projects/shared-definitions",
        "src/test/resources/projects/parameter-contract",
        "src/test/resources/projects/hooks"
      })
  void assemblesEveryProjectsDocumentAsTheWholeTreeIsWritten(String path) {
    BoundProject bound = bind(Path.of(path));
    ApiDocument document = ApiDocument.of(bound);

    assertThat(document.parts().values()).doesNotContain(OperationText.UNCUT);
    assertThat(document.json()).isEqualTo(OpenApiWriter.json(OpenApiWriter.document(bound)));
    assertThat(document.yaml()).isEqualTo(OpenApiWriter.yaml(OpenApiWriter.document(bound)));
  }

  @Test
  void assemblesPathsAndTextsThatYamlQuotesAsTheWholeTreeIsWritten() throws IOException {
    write(
        "src/eventsources/http.yaml",
        "type: express\nport: 3000\nbase_url: /api\ndocs:\n  info:\n    title: 'paths: {}'\n"
            + "    version: 1.0.0\n    description: \"first\\n\\npaths: {}\\n  indented\"\n"
            + "  servers:\n    - url: https://example.com\n      description: 'a: b'\n");
    write(
        "src/events/a.yaml",
        "http.get./same:\n  summary: \"- a dash\\n\\n  then 'quotes' and \\\"more\\\": \\ttab\"\n"
            + "  fn: answer\n\n\"http.post./odd/{id}/it's: #1\":\n  summary: é ü ✓\n  fn: answer\n");
    write(
        "src/events/b.yaml",
        "http.post./same:\n  description: |\n    two\n     lines\n\n  fn: answer\n"
            + "http.delete./a:\n  summary: '\"'\n  fn: answer\n");
    write(
        "src/events/long.yaml",
        "http.put./"
            + "segment/".repeat(17)
            + "{id}:\n  fn: answer\n"
            + "http.get./"
            + "segment/".repeat(17)
            + "{id}:\n  fn: answer\n");
    write("src/functions/answer.yaml", "tasks:\n  - id: answer\n    fn: com.gs.return\n");
    BoundProject bound = bind(project);
    ApiDocument document = ApiDocument.of(bound);

    assertThat(document.parts().values()).doesNotContain(OperationText.UNCUT);
    assertThat(document.json()).isEqualTo(OpenApiWriter.json(OpenApiWriter.document(bound)));
    assertThat(document.yaml()).isEqualTo(OpenApiWriter.yaml(OpenApiWriter.document(bound)));
    assertThat(document.yaml()).contains("\n  ? /api/segment/");
  }

  @Test
  void aKeptPartWithAnotherOperationsTextGivesAnotherDocument() {
    BoundProject bound = bind(Path.of("../examples/contract"));
    ApiDocument document = ApiDocument.of(bound);
    Map<String, String> parts = new TreeMap<>(document.parts());
    String items = parts.get("src/events/items.yaml");
    parts.put("src/events/items.yaml", items.replace("minimum", "maximum"));
    Map<String, java.util.List<OperationText>> texts = new TreeMap<>();
    parts.forEach((file, part) -> texts.put(file, OperationText.decode(part)));

    assertThat(DocumentText.assemble(bound, texts).orElseThrow().yaml())
        .isNotEqualTo(document.yaml());
    assertThat(OperationText.decode(OperationText.encode(texts.get("src/events/items.yaml"))))
        .isEqualTo(texts.get("src/events/items.yaml"));
  }

  private void write(String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static BoundProject bind(Path root) {
    Diagnostics diagnostics = new Diagnostics();
    String packageName = PACKAGES.getOrDefault(root.getFileName().toString(), "dev.hookc.docs");
    Project project =
        new ProjectLoader(root, diagnostics)
            .load(
                root.resolve("src/events"),
                root.resolve("src/functions"),
                root.resolve("src/definitions"),
                root.resolve("config"),
                Optional.of(
                    new ProjectLoader.JavaFunctionPackage(
                        FunctionTable.functionsDirectory(
                            root.resolve("src/main/java"), packageName),
                        FunctionTable.functionsPackage(packageName))));
    FunctionTable functions =
        new FunctionTable(project, root, root.resolve("src/main/java"), packageName);
    Names names = new Names(packageName);
    Analysis analysis = new Analyzer(names, diagnostics).analyze(project, functions);
    assertThat(diagnostics.sorted())
        .filteredOn(d -> d.severity() == dev.hookc.compiler.diag.Severity.ERROR)
        .isEmpty();
    return new Binder(names, new ProjectInfo("Test project", "1.0.0")).bind(project, analysis);
  }
}
