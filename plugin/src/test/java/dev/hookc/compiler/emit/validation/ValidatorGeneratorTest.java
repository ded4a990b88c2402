package dev.hookc.compiler.emit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.compiler.schema.JsonSchema;
import dev.hookc.compiler.schema.SchemaReader;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlReader;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.internal.validation.ViolationCollector;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated validator of a realistic event body and of the shared definition it refers to:
 * their sources are compared with golden files (regenerate with {@code
 * -Dhookc.golden.update=true}), and they are compiled and run.
 */
class ValidatorGeneratorTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/payment-event");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<JavaFile> generated;
  private static Class<?> validator;

  @BeforeAll
  static void generate() throws Exception {
    Diagnostics diagnostics = new Diagnostics();
    YamlReader reader = new YamlReader(diagnostics);
    YamlMapping schema = reader.read("src/events/payment.yaml", read("schema.yaml")).orElseThrow();
    YamlMapping definitions =
        reader.read("src/definitions/index.yaml", read("definitions.yaml")).orElseThrow();
    Map<String, YamlNode> shared = new LinkedHashMap<>();
    definitions.entries().forEach(e -> shared.put(e.key().value(), e.value()));
    JsonSchema read = new SchemaReader(diagnostics).read(schema, shared);
    assertThat(diagnostics.sorted()).isEmpty();
    SharedDefinitions once =
        new SharedDefinitions(
            new SchemaReader(new Diagnostics()).readDefinitions(shared), "com.example.events");
    List<JavaFile> files = new ArrayList<>();
    files.add(
        JavaFile.builder(
                "com.example.events",
                new ValidatorGenerator(once).generate(read, "PaymentCallbackValidator"))
            .skipJavaLangImports(true)
            .build());
    files.addAll(once.generate(once.usedBy(read)));
    generated = files;
    validator =
        InMemoryCompiler.compile(generated)
            .loadClass("com.example.events.PaymentCallbackValidator");
  }

  @Test
  void generatesTheSameSourcesAsTheGoldenFiles() throws IOException {
    assertThat(generated)
        .extracting(file -> file.typeSpec().name())
        .containsExactly("PaymentCallbackValidator", "AddressDefinition");
    for (JavaFile file : generated) {
      Path golden = GOLDEN.resolve(file.typeSpec().name() + ".java");
      // As the plugin writes it: rendered, then fitted to the column limit.
      String source = GeneratedSource.of(file).content();
      if (Boolean.getBoolean("hookc.golden.update")) {
        Files.writeString(golden, source, StandardCharsets.UTF_8);
      }
      assertThat(source).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
  }

  @Test
  void generatesByteIdenticalSourceForTheSameSchema() throws Exception {
    List<String> first = generated.stream().map(JavaFile::toString).toList();
    generate();
    assertThat(generated.stream().map(JavaFile::toString).toList()).isEqualTo(first);
  }

  @Test
  void acceptsAValidPaymentWithoutViolations() throws Exception {
    assertThat(validate(validPayment())).isEmpty();
  }

  @Test
  void reportsEveryViolationWithPointerKeywordAndMessage() throws Exception {
    JsonNode payment =
        JSON.readTree(
            """
            {"id": "not-a-uuid", "status": "refunded", "amount": 10.005,
             "customer": {"email": "ann@example.com", "address": {"city": "Oslo"}},
             "method": {"type": "card", "last4": "12a4"}, "tags": ["a", "a"],
             "x/y~z": 1}
            """);
    assertThat(validate(payment))
        .containsExactlyInAnyOrder(
            new Violation("", "additionalProperties", "must not have additional property 'x/y~z'"),
            new Violation("/id", "format", "must be a valid uuid"),
            new Violation("/status", "enum", "must be one of [pending, succeeded, failed]"),
            new Violation("/amount", "multipleOf", "must be a multiple of 0.01"),
            new Violation("/customer/address", "required", "must have required property 'country'"),
            new Violation(
                "/method", "oneOf", "must match exactly one schema in 'oneOf', matched 0"),
            new Violation(
                "/tags",
                "uniqueItems",
                "must not contain duplicate items (items 0 and 1 are equal)"));
  }

  @Test
  void prefixesPointersWithTheCallersPointer() throws Exception {
    ViolationCollector out = new ViolationCollector(10);
    Method into =
        validator.getMethod("validate", JsonNode.class, String.class, ViolationCollector.class);
    into.invoke(null, JSON.readTree("{\"tags\": [1]}"), "/body", out);
    assertThat(out.violations())
        .extracting(Violation::pointer)
        .contains("/body/tags/0", "/body")
        .allMatch(pointer -> pointer.startsWith("/body"));
  }

  @Test
  void stopsAtTheCollectorsCap() throws Exception {
    ViolationCollector out = new ViolationCollector(2);
    Method into =
        validator.getMethod("validate", JsonNode.class, String.class, ViolationCollector.class);
    into.invoke(null, JSON.readTree("{}"), "", out);
    assertThat(out.violations()).hasSize(2);
    assertThat(out.isFull()).isTrue();
  }

  @Test
  void acceptsNullWhereTheSchemaIsNullable() throws Exception {
    JsonNode payment = validPayment();
    ((com.fasterxml.jackson.databind.node.ObjectNode) payment).putNull("refundOf");
    assertThat(validate(payment)).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) payment).put("refundOf", 3);
    assertThat(validate(payment))
        .containsExactly(new Violation("/refundOf", "type", "must be a string or null"));
  }

  private static JsonNode validPayment() throws IOException {
    return JSON.readTree(
        """
        {"id": "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "status": "succeeded", "amount": 10.5,
         "currency": "EUR", "createdAt": "2024-05-01T10:00:00Z",
         "customer": {"email": "ann@example.com", "name": "Ann",
                      "address": {"city": "Oslo", "country": "NO"}},
         "method": {"type": "bank_transfer", "iban": "NO9386011117947"}, "tags": ["vip"]}
        """);
  }

  @SuppressWarnings("unchecked")
  private static List<Violation> validate(JsonNode node) throws Exception {
    return (List<Violation>) validator.getMethod("validate", JsonNode.class).invoke(null, node);
  }

  private static String read(String name) throws IOException {
    return Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8);
  }
}
