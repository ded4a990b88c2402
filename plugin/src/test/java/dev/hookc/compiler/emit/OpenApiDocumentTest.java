package dev.hookc.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hookc.compiler.CompilePlan;
import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.model.ProjectInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document hookc generates: valid against the official OpenAPI 3.1 schema (vendored in
 * {@code src/test/resources/openapi}, from {@code @seriousme/openapi-schema-validator} 2.1.0) for
 * every example and test project that declares documentation, and as in its golden file for the
 * payment example — regenerate that with {@code -Dhookc.golden.update=true} and review the diff.
 */
class OpenApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN = Path.of("src/test/resources/golden/openapi");
  private static Schema openApi31;

  @BeforeAll
  static void readTheOfficialSchema() throws IOException {
    try (InputStream in =
        OpenApiDocumentTest.class.getResourceAsStream("/openapi/schema-3.1-2022-10-07.json")) {
      openApi31 =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(in, InputFormat.JSON);
    }
  }

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
  void describesEveryProjectInAValidOpenApi31Document(String project) {
    String json = document(Path.of(project)).get(OpenApiWriter.JSON);

    assertThat(violations(json)).isEmpty();
  }

  @Test
  void theSchemaRefusesADocumentWithoutInfo() throws IOException {
    ObjectNode document =
        (ObjectNode)
            JSON.readTree(document(Path.of("../examples/callback")).get(OpenApiWriter.JSON));
    document.remove("info");

    assertThat(violations(document.toString())).isNotEmpty();
  }

  @Test
  void describesThePaymentExampleAsInTheGoldenFile() throws IOException {
    java.util.Map<String, String> files = document(Path.of("../examples/payment-callback"));
    if (Boolean.getBoolean("hookc.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(
          GOLDEN.resolve("payment-callback.json"),
          files.get(OpenApiWriter.JSON),
          StandardCharsets.UTF_8);
      Files.writeString(
          GOLDEN.resolve("payment-callback.yaml"),
          files.get(OpenApiWriter.YAML),
          StandardCharsets.UTF_8);
    }

    assertThat(files.get(OpenApiWriter.JSON))
        .isEqualTo(Files.readString(GOLDEN.resolve("payment-callback.json")));
    assertThat(files.get(OpenApiWriter.YAML))
        .isEqualTo(Files.readString(GOLDEN.resolve("payment-callback.yaml")));
  }

  @Test
  void writesTheSameDocumentInJsonAndYaml() throws IOException {
    java.util.Map<String, String> files = document(Path.of("../examples/webhooks"));

    Object yaml = new Yaml().load(files.get(OpenApiWriter.YAML));
    JsonNode fromYaml = JSON.valueToTree(yaml);
    assertThat(fromYaml).isEqualTo(JSON.readTree(files.get(OpenApiWriter.JSON)));
  }

  @Test
  void describesJwtAsBearerAndSignaturesAsTheirHeaderWithHowToSign() throws IOException {
    JsonNode document =
        JSON.readTree(document(Path.of("../examples/webhooks")).get(OpenApiWriter.JSON));
    JsonNode schemes = document.at("/components/securitySchemes");

    assertThat(schemes.at("/jwt/type").asText()).isEqualTo("http");
    assertThat(schemes.at("/jwt/scheme").asText()).isEqualTo("bearer");
    assertThat(schemes.at("/jwt/bearerFormat").asText()).isEqualTo("JWT");
    JsonNode signature = schemes.get("standardWebhooks");
    assertThat(signature.get("type").asText()).isEqualTo("apiKey");
    assertThat(signature.get("in").asText()).isEqualTo("header");
    assertThat(signature.get("name").asText()).isEqualTo("webhook-signature");
    assertThat(signature.get("description").asText()).contains("https://");
    // Every operation that authenticates names its scheme and may answer 401.
    document
        .get("paths")
        .forEach(
            item ->
                item.forEach(
                    operation -> {
                      if (operation.has("security")) {
                        String scheme = operation.get("security").get(0).fieldNames().next();
                        assertThat(schemes.has(scheme)).as(scheme).isTrue();
                        assertThat(operation.at("/responses/401/$ref").asText())
                            .isEqualTo("#/components/responses/Unauthorized");
                      }
                    }));
  }

  @Test
  void documentsHookcsOwnProblemsOnceAndReferencesThem() throws IOException {
    JsonNode document =
        JSON.readTree(document(Path.of("../examples/callback")).get(OpenApiWriter.JSON));
    JsonNode responses = document.at("/components/responses");
    JsonNode operation = document.at("/paths/~1callback/post");

    assertThat(List.of("BadRequest", "Unauthorized", "MethodNotAllowed", "PayloadTooLarge"))
        .allMatch(responses::has);
    assertThat(responses.has("UnsupportedMediaType")).isTrue();
    assertThat(responses.has("ServiceUnavailable")).isTrue();
    assertThat(responses.at("/BadRequest/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(operation.at("/responses/413/$ref").asText())
        .isEqualTo("#/components/responses/PayloadTooLarge");
    assertThat(operation.at("/responses/415/$ref").asText())
        .isEqualTo("#/components/responses/UnsupportedMediaType");
    // The example declares its own 400, described in its words, with the problem body hookc sends.
    assertThat(operation.at("/responses/400/description").asText())
        .isEqualTo("Invalid callback request");
    assertThat(
            operation.at("/responses/400/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(
            operation
                .at("/requestBody/content/application~1json/examples/completed/value/status")
                .asText())
        .isEqualTo("ok");
  }

  @Test
  void putsSharedDefinitionsUnderComponentsAndPointsTheirRefsThere() throws IOException {
    String json =
        document(Path.of("src/test/resources/projects/shared-definitions")).get(OpenApiWriter.JSON);
    JsonNode document = JSON.readTree(json);

    assertThat(document.at("/components/schemas").size()).isGreaterThan(1);
    assertThat(json).doesNotContain("#/definitions/").contains("#/components/schemas/");
  }

  private static List<Error> violations(String json) {
    return openApi31.validate(json, InputFormat.JSON);
  }

  private static final java.util.Map<String, String> PACKAGES =
      java.util.Map.of(
          "callback", "dev.hookc.examples.callback",
          "payment-callback", "dev.hookc.examples.payment",
          "webhooks", "dev.hookc.examples.webhooks",
          "contract", "dev.hookc.examples.contract",
          "hooks", "dev.hookc.test.hooks");

  /** The generated openapi.json and openapi.yaml of {@code project}, by name. */
  static java.util.Map<String, String> document(Path project) {
    String packageName = PACKAGES.getOrDefault(project.getFileName().toString(), "dev.hookc.docs");
    CompilePlan plan =
        new HookcCompiler()
            .plan(
                new CompileRequest(
                    project,
                    project.resolve("src/events"),
                    project.resolve("src/functions"),
                    project.resolve("src/definitions"),
                    project.resolve("src/main/java"),
                    project.resolve("target/unused"),
                    packageName,
                    new ProjectInfo("Test project", "1.0.0")));
    assertThat(plan.diagnostics())
        .filteredOn(d -> d.severity() == dev.hookc.compiler.diag.Severity.ERROR)
        .isEmpty();
    ApiDocument document = plan.apiDocs().orElseThrow();
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    files.put(OpenApiWriter.JSON, document.json());
    files.put(OpenApiWriter.YAML, document.yaml());
    return files;
  }
}
