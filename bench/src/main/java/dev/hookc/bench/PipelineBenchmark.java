package dev.hookc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.hookc.bench.app.binding.PostCallbackBodyBinder;
import dev.hookc.bench.app.binding.PostPaymentsEventsBodyBinder;
import dev.hookc.bench.app.model.PostCallbackBody;
import dev.hookc.bench.app.model.PostPaymentsEventsBody;
import dev.hookc.bench.app.validation.PostCallbackBodyValidator;
import dev.hookc.bench.app.validation.PostPaymentsEventsBodyValidator;
import dev.hookc.runtime.BenchRequests;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.Violation;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a request body costs before the workflow runs, for the guide's small schema and a large
 * payment-event schema: hookc's parse + validate + bind (exactly the calls a generated controller
 * makes) against Jackson binding alone (no validation at all, the floor) and against networknt's
 * json-schema-validator parsing and validating the same payload with the same schema (no binding,
 * so it is flattered).
 *
 * <p>Every benchmark returns what it produced, and {@link #check} fails the run before measuring if
 * a contender accepts what it should reject or the other way round, so a fast wrong answer cannot
 * win.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-XX:+UseSerialGC"})
public class PipelineBenchmark {

  private byte[] callback;
  private byte[] payment;
  private Request callbackRequest;
  private Request paymentRequest;
  private JsonNode callbackTree;
  private JsonNode paymentTree;
  private tools.jackson.databind.JsonNode callbackTree3;
  private tools.jackson.databind.JsonNode paymentTree3;
  private Schema networkntCallback;
  private Schema networkntPayment;
  private final tools.jackson.databind.ObjectMapper jackson3 =
      tools.jackson.databind.json.JsonMapper.builder().build();

  @Setup
  public void setUp() throws IOException {
    callback = Payloads.body("callback-valid.json");
    payment = Payloads.body("payment-valid.json");
    callbackRequest = BenchRequests.postJson("/callback", callback);
    paymentRequest = BenchRequests.postJson("/payments/events", payment);
    callbackTree = Json.readBody(callbackRequest);
    paymentTree = Json.readBody(paymentRequest);
    callbackTree3 = jackson3.readTree(callback);
    paymentTree3 = jackson3.readTree(payment);
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaRegistryConfig(
                    // hookc asserts formats, so networknt must too for the work to be the same.
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    networkntCallback =
        registry.getSchema(
            Payloads.bodySchema("callback-event.yaml", "http.post./callback"), InputFormat.JSON);
    networkntPayment =
        registry.getSchema(
            Payloads.bodySchema(
                "payment-event.yaml", "http.post./payments/events", "payments.yaml"),
            InputFormat.JSON);
    check();
  }

  /** Each contender accepts the valid payloads and rejects the invalid ones. */
  private void check() {
    byte[] badCallback = Payloads.body("callback-invalid.json");
    byte[] badPayment = Payloads.body("payment-invalid.json");
    require(callbackHookc() != null, "hookc binds the valid callback");
    require(paymentHookc() != null, "hookc binds the valid payment event");
    require(callbackNetworknt().isEmpty(), "networknt accepts the valid callback");
    require(paymentNetworknt().isEmpty(), "networknt accepts the valid payment event");
    require(
        !PostCallbackBodyValidator.validate(Json.readBody(request("/callback", badCallback)))
            .isEmpty(),
        "hookc rejects the invalid callback");
    List<Violation> paymentViolations =
        PostPaymentsEventsBodyValidator.validate(
            Json.readBody(request("/payments/events", badPayment)));
    // The bad currency, and the card that no longer matches any payment method.
    require(
        paymentViolations.stream()
            .map(Violation::pointer)
            .toList()
            .containsAll(List.of("/data/payment/currency", "/data/payment/method")),
        "hookc rejects the invalid payment event's currency and method, not " + paymentViolations);
    require(
        networkntPayment.validate(jackson3.readTree(badPayment)).size() >= 2,
        "networknt finds the violations in the invalid payment event");
    require(
        !networkntCallback.validate(jackson3.readTree(badCallback)).isEmpty(),
        "networknt rejects the invalid callback");
  }

  private static Request request(String path, byte[] body) {
    return BenchRequests.postJson(path, body);
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark precondition failed: " + what);
    }
  }

  /** The generated controller's steps: {@code Json.readBody}, the validator, the binder. */
  @Benchmark
  public PostCallbackBody callbackHookc() {
    JsonNode json = Json.readBody(callbackRequest);
    List<Violation> violations = PostCallbackBodyValidator.validate(json);
    if (!violations.isEmpty()) {
      return null;
    }
    return PostCallbackBodyBinder.bind(json);
  }

  /** Binding alone, with the runtime's mapper: no validation, the floor. */
  @Benchmark
  public PostCallbackBody callbackJackson() throws IOException {
    return Json.mapper().readValue(callback, PostCallbackBody.class);
  }

  /** networknt parsing (with its own Jackson 3) and validating; no binding. */
  @Benchmark
  public List<Error> callbackNetworknt() {
    return networkntCallback.validate(jackson3.readTree(callback));
  }

  @Benchmark
  public PostPaymentsEventsBody paymentHookc() {
    JsonNode json = Json.readBody(paymentRequest);
    List<Violation> violations = PostPaymentsEventsBodyValidator.validate(json);
    if (!violations.isEmpty()) {
      return null;
    }
    return PostPaymentsEventsBodyBinder.bind(json);
  }

  /** The first step alone: the body as a tree, as {@code Json.readBody} reads it. */
  @Benchmark
  public JsonNode paymentHookcParse() {
    return Json.readBody(paymentRequest);
  }

  /** The second step alone: the generated validator on an already parsed tree. */
  @Benchmark
  public List<Violation> paymentHookcValidate() {
    return PostPaymentsEventsBodyValidator.validate(paymentTree);
  }

  /** The third step alone: the generated binder on an already parsed and validated tree. */
  @Benchmark
  public PostPaymentsEventsBody paymentHookcBind() {
    return PostPaymentsEventsBodyBinder.bind(paymentTree);
  }

  /** Validation alone, on a tree parsed beforehand: hookc's generated validator. */
  @Benchmark
  public List<Violation> callbackHookcValidate() {
    return PostCallbackBodyValidator.validate(callbackTree);
  }

  /** Validation alone, on a tree parsed beforehand (by its own Jackson 3): networknt. */
  @Benchmark
  public List<Error> callbackNetworkntValidate() {
    return networkntCallback.validate(callbackTree3);
  }

  /** Validation alone, on a tree parsed beforehand (by its own Jackson 3): networknt. */
  @Benchmark
  public List<Error> paymentNetworkntValidate() {
    return networkntPayment.validate(paymentTree3);
  }

  @Benchmark
  public PostPaymentsEventsBody paymentJackson() throws IOException {
    return Json.mapper().readValue(payment, PostPaymentsEventsBody.class);
  }

  @Benchmark
  public List<Error> paymentNetworknt() {
    return networkntPayment.validate(jackson3.readTree(payment));
  }
}
