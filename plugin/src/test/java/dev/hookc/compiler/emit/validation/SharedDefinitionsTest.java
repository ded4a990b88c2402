package dev.hookc.compiler.emit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.schema.JsonSchema;
import dev.hookc.compiler.schema.SchemaReader;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlReader;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.internal.validation.ViolationCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shared definitions are generated once, in a class of their own that the validators call, and
 * validate exactly as the copy each validator had of them before: sibling keywords next to a {@code
 * $ref}, recursion, {@code $defs} inside a definition, pointers into a definition and {@code
 * unevaluatedProperties} across a {@code $ref} included.
 */
class SharedDefinitionsTest {
  private static final String PACKAGE = "com.example.validation";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DEFINITIONS =
      """
      Money:
        type: object
        required: [amount, currency]
        properties:
          amount: {type: integer, minimum: 0}
          currency: {type: string, pattern: "^[A-Z]{3}$"}
      Address:
        type: object
        required: [country]
        properties:
          city: {type: string, maxLength: 10}
          country: {$ref: "#/$defs/country"}
        $defs:
          country: {type: string, minLength: 2, maxLength: 2}
      Tree:
        type: object
        properties:
          value: {type: integer}
          children: {type: array, items: {$ref: "#/definitions/Tree"}}
      Named:
        allOf: [{$ref: "#/definitions/Money"}]
        properties:
          name: {type: string}
        unevaluatedProperties: false
      Open:
        properties:
          extra: {type: boolean}
        patternProperties:
          "^x-": {type: string}
      Described:
        $ref: "https://json-schema.org/draft/2020-12/schema"
      Unused:
        type: string
      """;

  private static final String ORDER =
      """
      type: object
      required: [price]
      properties:
        price:
          $ref: "#/definitions/Money"
          properties:
            amount: {maximum: 100}
        home: {$ref: "#/definitions/Address"}
        tree: {$ref: "#/definitions/Tree"}
        named: {$ref: "#/definitions/Named"}
        open:
          allOf: [{$ref: "#/definitions/Open"}]
          unevaluatedProperties: false
        local: {$ref: "#/$defs/local"}
        amount: {$ref: "#/definitions/Money/properties/amount"}
      $defs:
        local: {type: string, maxLength: 3}
      """;

  private static final String REFUND =
      """
      type: object
      required: [price]
      properties:
        price: {$ref: "#/definitions/Money"}
        schema: {$ref: "#/definitions/Described"}
      """;

  private static final List<String> DOCUMENTS =
      List.of(
          "{\"price\": {\"amount\": 5, \"currency\": \"EUR\"}}",
          "{\"price\": {\"amount\": 500, \"currency\": \"eur\"}}",
          "{\"price\": {\"amount\": -1}}",
          "{\"price\": 3, \"home\": {\"city\": \"Far too long a name\"}}",
          "{\"price\": {\"amount\": 1, \"currency\": \"NOK\"}, \"home\": {\"country\": \"NOR\"}}",
          "{\"tree\": {\"value\": 1, \"children\": [{\"value\": \"x\","
              + " \"children\": [{\"children\": [{\"value\": 2.5}]}]}]}}",
          "{\"named\": {\"amount\": 1, \"currency\": \"SEK\", \"name\": \"n\", \"other\": 1}}",
          "{\"named\": {\"amount\": 1, \"currency\": \"SEK\", \"name\": 2}}",
          "{\"open\": {\"extra\": true, \"x-a\": \"b\", \"y\": 1, \"x-c\": 3}}",
          "{\"local\": \"abcd\", \"amount\": -3, \"price\": {}}",
          "{\"schema\": {\"type\": \"nope\"}, \"price\": {\"amount\": 1, \"currency\": \"DKK\"}}",
          "{\"schema\": {\"type\": \"string\", \"minLength\": -1}}",
          "[]");

  private static Map<String, String> sources;
  private static List<String> definitionClasses;
  private static ClassLoader classes;

  @BeforeAll
  static void generate() {
    Diagnostics diagnostics = new Diagnostics();
    YamlReader reader = new YamlReader(diagnostics);
    Map<String, YamlNode> definitions = new LinkedHashMap<>();
    reader
        .read("src/definitions/common.yaml", DEFINITIONS)
        .orElseThrow()
        .entries()
        .forEach(e -> definitions.put(e.key().value(), e.value()));
    SharedDefinitions shared =
        new SharedDefinitions(
            new SchemaReader(new Diagnostics()).readDefinitions(definitions), PACKAGE);
    List<JavaFile> files = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    for (Map.Entry<String, String> event : Map.of("Order", ORDER, "Refund", REFUND).entrySet()) {
      YamlMapping yaml =
          reader.read("src/events/" + event.getKey(), event.getValue()).orElseThrow();
      JsonSchema schema = new SchemaReader(diagnostics).read(yaml, definitions);
      used.addAll(shared.usedBy(schema));
      files.add(
          file(new ValidatorGenerator(shared).generate(schema, event.getKey() + "Validator")));
      files.add(file(new ValidatorGenerator().generate(schema, event.getKey() + "CopyValidator")));
    }
    assertThat(diagnostics.sorted()).isEmpty();
    List<JavaFile> once = shared.generate(used);
    definitionClasses = once.stream().map(f -> f.typeSpec().name()).toList();
    files.addAll(once);
    sources = new LinkedHashMap<>();
    files.forEach(f -> sources.put(f.typeSpec().name(), f.toString()));
    classes = InMemoryCompiler.compile(files);
  }

  @Test
  void generatesEachUsedDefinitionOnceInAClassOfItsOwn() {
    // Named calls Money; Described applies the meta-schema, so it stays in its caller; Unused is
    // used by nothing.
    assertThat(definitionClasses)
        .containsExactly(
            "AddressDefinition",
            "MoneyDefinition",
            "NamedDefinition",
            "OpenDefinition",
            "TreeDefinition");
    assertThat(sources.get("MoneyDefinition"))
        .contains("static boolean isMoneyValid(JsonNode node)")
        .contains("static void checkMoney(JsonNode node, String path, ViolationCollector out)");
  }

  @Test
  void validatorsCallTheDefinitionsClassInsteadOfCopyingIt() {
    for (String validator : List.of("OrderValidator", "RefundValidator")) {
      assertThat(sources.get(validator))
          .contains("MoneyDefinition.isMoneyValid(")
          .contains("MoneyDefinition.checkMoney(")
          .doesNotContain("boolean isMoneyValid(")
          .doesNotContain("CURRENCY_PATTERN");
    }
    assertThat(sources.get("NamedDefinition")).contains("MoneyDefinition.isMoneyValid(");
    assertThat(sources.get("OrderValidator"))
        .contains("TreeDefinition.isTreeValid(")
        .contains("MoneyDefinition.isMoneyAmountValid(")
        .doesNotContain("isTreeChildrenValid(");
    assertThat(sources.get("OrderCopyValidator")).contains("private static boolean isMoneyValid(");
  }

  @Test
  void keepsADefinitionThatAppliesTheMetaSchemaInItsCaller() {
    assertThat(sources.get("RefundValidator"))
        .contains("private static boolean isDescribedValid(")
        .doesNotContain("DescribedDefinition");
  }

  @Test
  void validatesExactlyAsTheValidatorsOwnCopyDid() throws Exception {
    for (String event : List.of("Order", "Refund")) {
      Class<?> shared = classes.loadClass(PACKAGE + "." + event + "Validator");
      Class<?> copy = classes.loadClass(PACKAGE + "." + event + "CopyValidator");
      for (String text : DOCUMENTS) {
        JsonNode document = JSON.readTree(text);
        assertThat(validate(shared, document))
            .as("%s: %s", event, text)
            .isEqualTo(validate(copy, document));
        assertThat(isValid(shared, document)).isEqualTo(isValid(copy, document));
        assertThat(validateInto(shared, document)).isEqualTo(validateInto(copy, document));
      }
    }
    assertThat(
            validate(
                classes.loadClass(PACKAGE + ".OrderValidator"), JSON.readTree(DOCUMENTS.get(5))))
        .containsExactly(
            new Violation("", "required", "must have required property 'price'"),
            new Violation("/tree/children/0/value", "type", "must be an integer"),
            new Violation(
                "/tree/children/0/children/0/children/0/value", "type", "must be an integer"));
  }

  @SuppressWarnings("unchecked")
  private static List<Violation> validate(Class<?> validator, JsonNode node) throws Exception {
    return (List<Violation>) validator.getMethod("validate", JsonNode.class).invoke(null, node);
  }

  private static boolean isValid(Class<?> validator, JsonNode node) throws Exception {
    return (Boolean) validator.getMethod("isValid", JsonNode.class).invoke(null, node);
  }

  private static List<Violation> validateInto(Class<?> validator, JsonNode node) throws Exception {
    ViolationCollector out = new ViolationCollector(3);
    validator
        .getMethod("validate", JsonNode.class, String.class, ViolationCollector.class)
        .invoke(null, node, "/body", out);
    return out.violations();
  }

  private static JavaFile file(com.palantir.javapoet.TypeSpec type) {
    return JavaFile.builder(PACKAGE, type).skipJavaLangImports(true).build();
  }
}
