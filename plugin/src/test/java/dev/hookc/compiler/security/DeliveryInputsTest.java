package dev.hookc.compiler.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.JavaSourceCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inputs.delivery}: typed where every route a workflow serves identifies its deliveries, a
 * located build error elsewhere, and an idempotency key on the same terms.
 */
class DeliveryInputsTest {
  /** A workflow that answers with its delivery's id (line 5, column 23: 'delivery'). */
  private static final String READS_DELIVERY =
      "id: ack\ntasks:\n  - id: respond\n    args:\n      body: <% inputs.delivery.id %>\n";

  private static final String SIGNED =
      "http.post./signed:\n  fn: ack\n  authn:\n    standard-webhooks:\n"
          + "      secret: <% env.S %>\n";

  @TempDir Path project;

  private CompileResult compile(String events, String workflow) throws Exception {
    Path src = project.resolve("src");
    Files.createDirectories(src.resolve("events"));
    Files.createDirectories(src.resolve("functions"));
    Files.writeString(src.resolve("events/hooks.yaml"), events);
    Files.writeString(src.resolve("functions/ack.yaml"), workflow);
    return new HookcCompiler()
        .compile(
            new CompileRequest(
                project,
                src.resolve("events"),
                src.resolve("functions"),
                src.resolve("definitions"),
                project.resolve("src/main/java"),
                project.resolve("target/generated"),
                "com.example"));
  }

  /** The generated sources compiled against the runtime; javac's errors fail the test. */
  private static ClassLoader compiled(CompileResult result) {
    java.util.Map<String, String> sources = new java.util.TreeMap<>();
    result.sources().forEach(s -> sources.put(s.path(), s.content()));
    return JavaSourceCompiler.compile(sources);
  }

  private static String source(CompileResult result, String fileName) {
    return result.sources().stream()
        .filter(s -> s.path().endsWith("/" + fileName))
        .findFirst()
        .orElseThrow()
        .content();
  }

  @Test
  void typesTheDeliveryOfAWorkflowThatServesSignedRoutesOnly() throws Exception {
    CompileResult result =
        compile(
            SIGNED
                + "http.post./stripe:\n  fn: ack\n  authn:\n    stripe:\n"
                + "      secret: <% env.T %>\n",
            "id: ack\ntasks:\n  - id: respond\n    args:\n      body:\n"
                + "        id: <% inputs.delivery.id %>\n"
                + "        late: <% inputs.delivery.timestamp > 100 %>\n"
                + "        upper: <% inputs.delivery.event.toUpperCase() %>\n");

    assertThat(result.diagnostics()).isEmpty();
    assertThat(source(result, "PostSignedController.java"))
        .contains(
            "private static final DeliveryIdentity DELIVERY = DeliveryIdentity.standardWebhooks();")
        .contains("RequestParts.of(request, parameters, DELIVERY)");
    assertThat(source(result, "PostStripeController.java"))
        .contains("DELIVERY = DeliveryIdentity.stripe();");
    assertThat(compiled(result)).isNotNull();
  }

  @Test
  void reportsTheDeliveryOfAWorkflowThatAlsoServesAPublicRouteAtItsToken() throws Exception {
    CompileResult result =
        compile(SIGNED + "http.post./ping:\n  fn: ack\n  authn: false\n", READS_DELIVERY);

    assertThat(result.diagnostics())
        .extracting(
            d -> d.code().id(),
            d -> d.location().file(),
            d -> d.location().line(),
            d -> d.location().column())
        .containsExactly(tuple("HC4019", "src/functions/ack.yaml", 5, 23));
    assertThat(result.diagnostics().get(0).message())
        .contains("POST /ping")
        .contains("the route is public");
    assertThat(result.sources()).isEmpty();
  }

  @Test
  void reportsTheDeliveryOfAnHmacRouteWithoutAnIdHeader() throws Exception {
    CompileResult result =
        compile(
            "http.post./hmac:\n  fn: ack\n  authn:\n    hmac:\n      secret: <% env.S %>\n"
                + "      header: X-Signature\n",
            READS_DELIVERY);

    assertThat(result.diagnostics()).extracting(d -> d.code().id()).containsExactly("HC4019");
    assertThat(result.diagnostics().get(0).message()).contains("'hmac' has no 'id_header'");
  }

  @Test
  void identifiesAnHmacDeliveryByItsConfiguredHeaders() throws Exception {
    CompileResult result =
        compile(
            "http.post./shopify:\n  fn: ack\n  authn:\n    hmac:\n      secret: <% env.S %>\n"
                + "      header: X-Shopify-Hmac-Sha256\n      encoding: base64\n"
                + "      id_header: X-Shopify-Webhook-Id\n      event_header: X-Shopify-Topic\n"
                + "  idempotency:\n    key: <% inputs.delivery.id %>\n",
            READS_DELIVERY);

    assertThat(result.diagnostics()).isEmpty();
    assertThat(source(result, "PostShopifyController.java").replaceAll("\\s+", " "))
        .contains(
            "DeliveryIdentity.headers(\"hmac\", \"X-Shopify-Webhook-Id\", \"X-Shopify-Topic\")");
    assertThat(source(result, "HookcApplication.java").replaceAll("\\s+", " "))
        .contains(
            "DeliveryIdentity.headers(\"hmac\", \"X-Shopify-Webhook-Id\","
                + " \"X-Shopify-Topic\")::id");
  }

  @Test
  void keysSynchronousAndAsyncRoutesOnTheDeliveryId() throws Exception {
    CompileResult result =
        compile(
            SIGNED
                + "  idempotency:\n    key: <% inputs.delivery.id %>\n    ttl: 28h\n"
                + "http.post./later:\n  fn: ack\n  delivery: async\n  authn:\n    github:\n"
                + "      secret: <% env.G %>\n  idempotency:\n    key: <% inputs.delivery.id %>\n",
            READS_DELIVERY);

    assertThat(result.diagnostics()).isEmpty();
    assertThat(source(result, "HookcApplication.java").replaceAll("\\s+", " "))
        .contains(
            "Idempotency.of(store, \"POST /signed\", DeliveryIdentity.standardWebhooks()::id,")
        .contains("postLaterInbox.accept(202, DeliveryIdentity.github()::id, null)");
    assertThat(compiled(result)).isNotNull();
  }

  @Test
  void reportsADeliveryKeyOnARouteWithoutADeliveryAtItsToken() throws Exception {
    CompileResult result =
        compile(
            "http.post./ping:\n  fn: ack\n  authn: false\n  idempotency:\n"
                + "    key: <% inputs.delivery.id %>\n"
                + "http.post./jwt:\n  fn: ack\n  authn:\n    jwt:\n      secret: <% env.J %>\n"
                + "  idempotency:\n    key: \"<% inputs.delivery.id %>\"\n",
            "id: ack\ntasks:\n  - id: respond\n    args:\n      statusCode: 200\n");

    assertThat(result.diagnostics())
        .extracting(d -> d.code().id(), d -> d.location().line(), d -> d.location().column())
        .containsExactly(tuple("HC4019", 5, 20), tuple("HC4019", 12, 21));
  }

  @Test
  void rejectsADeliveryKeyOtherThanItsIdAndAnEventHeaderWithoutAnIdHeader() throws Exception {
    CompileResult result =
        compile(
            SIGNED
                + "  idempotency:\n    key: <% inputs.delivery.event %>\n"
                + "http.post./hmac:\n  fn: ack\n  authn:\n    hmac:\n      secret: <% env.S %>\n"
                + "      header: X-Signature\n      event_header: X-Topic\n",
            "id: ack\ntasks:\n  - id: respond\n    args:\n      statusCode: 200\n");

    assertThat(result.diagnostics())
        .extracting(d -> d.code().id(), d -> d.location().line(), d -> d.location().column())
        .containsExactly(tuple("HC2608", 7, 10), tuple("HC2606", 14, 21));
  }

  @Test
  void reportsNoMissingDeliveryWhereTheAuthnItselfIsMalformed() throws Exception {
    CompileResult result =
        compile(
            "http.post./hook:\n  fn: ack\n  authn:\n    githb:\n      secret: <% env.S %>\n"
                + "  idempotency:\n    key: <% inputs.delivery.id %>\n"
                + "http.post./default:\n  fn: ack\n  authn: true\n",
            READS_DELIVERY);

    assertThat(result.diagnostics())
        .extracting(d -> d.code().id())
        .containsExactly("HC2601", "HC2607");
  }

  @Test
  void suggestsTheDeliveryFieldAMisspeltOneWasMeantToBe() throws Exception {
    CompileResult result =
        compile(
            SIGNED,
            "id: ack\ntasks:\n  - id: respond\n    args:\n      body: <% inputs.delivery.idd %>\n");

    assertThat(result.diagnostics())
        .extracting(d -> d.code().id(), d -> d.location().line(), d -> d.location().column())
        .containsExactly(tuple("HC4009", 5, 32));
    assertThat(result.diagnostics().get(0).hint()).hasValue("did you mean 'id'?");
  }
}
