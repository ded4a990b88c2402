package dev.hookc.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schema mistakes are reported with their code at the line and column of the offending node. */
class SchemaReaderTest {
  private static final String FILE = "src/events/callback.yaml";

  @Test
  void reportsAnUnknownTypeWithASuggestion() {
    List<Diagnostic> found = read("type: strng\n");
    assertThat(found).extracting(this::where).containsExactly(tuple("HC5002", 1, 7));
    assertThat(found.get(0).hint()).contains("did you mean 'string'?");
  }

  @Test
  void reportsRequiredThatIsNotAListOfStrings() {
    assertThat(read("required: status\n"))
        .extracting(this::where)
        .containsExactly(tuple("HC5003", 1, 11));
    assertThat(read("required:\n  - status\n  - [a]\n"))
        .extracting(this::where)
        .containsExactly(tuple("HC5003", 3, 5));
  }

  @Test
  void reportsAPropertyThatIsNotASchema() {
    assertThat(read("properties:\n  status: 42\n"))
        .extracting(this::where)
        .containsExactly(tuple("HC5001", 2, 11));
  }

  @Test
  void reportsNonNumericBoundsAndNegativeLengths() {
    assertThat(read("minimum: ten\nminLength: -1\nenum: a\n"))
        .extracting(this::where)
        .containsExactly(tuple("HC5003", 1, 10), tuple("HC5004", 2, 12), tuple("HC5003", 3, 7));
  }

  @Test
  void reportsInvalidRegularExpressionsInPatternAndPatternPropertyKeys() {
    assertThat(read("pattern: \"a(b\"\npatternProperties:\n  \"[z\": true\n"))
        .extracting(this::where)
        .containsExactly(tuple("HC5005", 1, 10), tuple("HC5005", 3, 3));
  }

  @Test
  void warnsAtEachPatternThatOnlyABacktrackingEngineRuns() {
    List<Diagnostic> found =
        read(
            "properties:\n  pair: {pattern: \"^(a+)\\\\1$\"}\n"
                + "  code: {pattern: \"^[A-Z]{3}$\"}\n"
                + "patternProperties:\n  \"^(?!x-)\": true\n");
    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC5010", 2, 19), tuple("HC5010", 5, 3));
    assertThat(found).allMatch(d -> d.severity() == Severity.WARNING);
    assertThat(found.get(0).message()).contains("'^(a+)\\1$'", "invalid escape sequence");
  }

  @Test
  void reportsAnUnresolvableRefSayingWhatWasLookedFor() {
    List<Diagnostic> found = read("properties:\n  a:\n    $ref: \"#/$defs/missing\"\n");
    assertThat(found).extracting(this::where).containsExactly(tuple("HC5006", 3, 11));
    assertThat(found.get(0).message()).contains("#/$defs/missing");
  }

  @Test
  void resolvesGodspeedDefinitionsFromTheProjectWhenNotFoundLocally() {
    Diagnostics diagnostics = new Diagnostics();
    YamlMapping definition =
        new YamlReader(diagnostics).read("src/definitions/index.yaml", "type: string\n").get();
    YamlNode schema = yaml("$ref: \"#/definitions/Name\"\n", diagnostics);
    JsonSchema read = new SchemaReader(diagnostics).read(schema, Map.of("Name", definition));
    assertThat(diagnostics.sorted()).isEmpty();
    assertThat(read.root().ref.types).containsExactly("string");
    assertThat(read("$ref: \"#/definitions/Nmae\"\n"))
        .extracting(this::where)
        .containsExactly(tuple("HC5006", 1, 7));
  }

  @Test
  void reportsUnsupportedAndMisspeltKeywordsByName() {
    List<Diagnostic> found = read("type: object\nrequried: [a]\nunevaluatedItems: false\n");
    assertThat(found)
        .extracting(this::where)
        .containsExactly(tuple("HC5007", 2, 1), tuple("HC5007", 3, 1));
    assertThat(found.get(0).hint()).contains("did you mean 'required'?");
    assertThat(found.get(1).message()).contains("unevaluatedItems");
  }

  @Test
  void reportsARequiredPropertyThatCanNeverBePresent() {
    assertThat(
            read(
                "properties:\n  status: {type: string}\nadditionalProperties: false\n"
                    + "required: [status, stauts]\n"))
        .extracting(this::where)
        .containsExactly(tuple("HC5008", 4, 20));
  }

  @Test
  void warnsAboutAFormatItDoesNotCheck() {
    List<Diagnostic> found = read("format: credit-card\n");
    assertThat(found).extracting(this::where).containsExactly(tuple("HC5009", 1, 9));
    assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void carriesOnAfterAnErrorToReportTheNextOne() {
    assertThat(read("type: strin\nproperties:\n  a: {maxLength: x}\n  b: {type: nul}\n"))
        .extracting(this::where)
        .containsExactly(tuple("HC5002", 1, 7), tuple("HC5003", 3, 18), tuple("HC5002", 4, 13));
  }

  @Test
  void acceptsAWellFormedSchemaWithoutDiagnostics() {
    assertThat(
            read(
                "type: object\nrequired: [id]\nproperties:\n  id: {type: string, format: uuid}\n"
                    + "  tags: {type: array, items: {$ref: \"#/$defs/tag\"}}\n"
                    + "$defs:\n  tag: {type: string, minLength: 1}\n"))
        .isEmpty();
  }

  private List<Diagnostic> read(String text) {
    Diagnostics diagnostics = new Diagnostics();
    new SchemaReader(diagnostics).read(yaml(text, diagnostics), Map.of());
    return diagnostics.sorted();
  }

  private static YamlNode yaml(String text, Diagnostics diagnostics) {
    return new YamlReader(diagnostics).read(FILE, text).orElseThrow();
  }

  private org.assertj.core.groups.Tuple where(Diagnostic diagnostic) {
    return tuple(
        diagnostic.code().id(), diagnostic.location().line(), diagnostic.location().column());
  }
}
