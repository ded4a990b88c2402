package dev.hookc.compiler.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Patterns that a backtracking engine runs in exponential or polynomial time ({@code
 * src/test/resources/projects/hostile-patterns}), sent the inputs that make it so, over HTTP: each
 * answer comes within {@link #BOUND}, where java.util.regex took from seconds to forever, or
 * overflowed its stack into a 500.
 */
class HostilePatternTest {
  private static final String PACKAGE = "dev.hookc.test.hostile";
  private static final Path PROJECT = Path.of("src/test/resources/projects/hostile-patterns");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Generous for a loaded machine, cold JIT included: RE2/J answers the megabyte cases in 0.1 to
   * 0.5 s once warm, transport included, where java.util.regex takes from 15 s to forever.
   */
  private static final Duration BOUND = Duration.ofSeconds(5);

  private static final int MEGABYTE = 1_000_000;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Application server;

  @BeforeAll
  static void start() throws Exception {
    server = ProjectBuild.start(ProjectBuild.build(PROJECT, PACKAGE), PACKAGE);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void refusesStarsBeforeAMissingLetterInLinearTime() throws Exception {
    // java.util.regex: 15 s for 500 letters, cubic beyond.
    assertRefusedAt(postField("stars", "a".repeat(500)), "/stars");
    assertRefusedAt(postField("stars", "a".repeat(100_000)), "/stars");
  }

  @Test
  void refusesAnUnanchoredStarOverAHundredKilobytesInLinearTime() throws Exception {
    // java.util.regex: quadratic, 9 s for 50 KB.
    assertRefusedAt(postField("xy", "x".repeat(100_000)), "/xy");
  }

  @Test
  void refusesNestedQuantifiersOverAMegabyteInLinearTime() throws Exception {
    // java.util.regex: 2.6 s for 10 KB of (a+)+$, and ((a*)*)*b never ends on 1 KB.
    assertRefusedAt(postField("nested", "a".repeat(MEGABYTE) + "b"), "/nested");
    assertRefusedAt(postField("deep", "a".repeat(MEGABYTE)), "/deep");
  }

  @Test
  void refusesAlternationUnderAStarOverAMegabyteWithoutOverflowingTheStack() throws Exception {
    // java.util.regex recurses once per repetition: a StackOverflowError, answered with a 500.
    assertRefusedAt(postField("choice", "a".repeat(MEGABYTE)), "/choice");
  }

  @Test
  void matchesAPropertyNameAgainstPatternPropertiesInLinearTime() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("a".repeat(40_000), 1);
    HttpResponse<String> response = timed(post("/fields", body.toString()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void refusesHostileParametersInLinearTime() throws Exception {
    String query = URLEncoder.encode("a".repeat(500), StandardCharsets.UTF_8);
    assertRefusedAt(get("/search?q=" + query, "a"), "/query/q");
    // java.util.regex: quadratic, 2.6 s for 10,000 letters.
    assertRefusedAt(get("/search", "a".repeat(40_000) + "b"), "/headers/x-trace");
  }

  @Test
  void stillMatchesWhatThePatternsDescribe() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("stars", "aaab").put("xy", "xxy").put("nested", "ba").put("choice", "aac");
    body.put("deep", "aab").put("currency", "EUR").put("ac", "text");
    assertThat(timed(post("/fields", body.toString())).statusCode()).isEqualTo(200);
    assertThat(timed(get("/search?q=ab", "xa")).statusCode()).isEqualTo(200);
  }

  @Test
  void warnsAtTheBackreferenceThatOnlyABacktrackingEngineRuns() {
    List<Diagnostic> warnings =
        ProjectBuild.compileYaml(PROJECT, PACKAGE).diagnostics().stream()
            .filter(d -> d.severity() == Severity.WARNING)
            .toList();
    assertThat(warnings)
        .extracting(
            d -> d.code().id(),
            d -> d.location().file(),
            d -> d.location().line(),
            d -> d.location().column())
        .containsExactly(tuple("HC5010", "src/events/patterns.yaml", 35, 44));
  }

  @Test
  void generatesBoundedMatchingOnlyForTheBackreference() {
    Map<String, String> validators = new TreeMap<>();
    for (GeneratedSource source : ProjectBuild.compileYaml(PROJECT, PACKAGE).sources()) {
      if (source.path().contains("/validation/")) {
        validators.put(
            source.path().substring(source.path().lastIndexOf('/') + 1), source.content());
      }
    }
    assertThat(validators.get("PostEchoBodyValidator.java"))
        .contains("TextPattern.compileBounded(\"^(a+)+\\\\1b\")");
    assertThat(validators.get("PostFieldsBodyValidator.java"))
        .contains("TextPattern.compile(\"a*a*a*b\")")
        .contains("TextPattern.compile(\"(a+)+\\\\z\")")
        .doesNotContain("compileBounded");
  }

  @Test
  void runsABackreferenceUnderAStepBudgetThatAnswersA400() throws Exception {
    assertThat(timed(post("/echo", "{\"twice\": \"aab\"}")).statusCode()).isEqualTo(200);
    assertRefusedAt(post("/echo", "{\"twice\": \"abab\"}"), "/twice");
    // java.util.regex: exponential, still running after minutes.
    HttpResponse<String> costly = timed(post("/echo", "{\"twice\": \"" + "a".repeat(28) + "\"}"));
    assertThat(costly.statusCode()).as(costly.body()).isEqualTo(400);
    assertThat(costly.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(costly.body()).get("type").asText())
        .isEqualTo("https://hookc.dev/problems/pattern-too-costly");
  }

  @Test
  void readsANumberFromHostileTextInLinearTime() throws Exception {
    // java.util.regex took quadratic time to refuse 100,000 digits and a letter: 5 s for 20,000.
    String body = "{\"amount\": \"" + "1".repeat(100_000) + "x\"}";
    HttpResponse<String> response = timed(post("/double", body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static void assertRefusedAt(HttpRequest request, String pointer) throws Exception {
    HttpResponse<String> response = timed(request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode errors = JSON.readTree(response.body()).get("errors");
    assertThat(errors).as(response.body()).isNotNull();
    assertThat(errors.findValuesAsText("pointer")).contains(pointer);
    assertThat(errors.findValuesAsText("keyword")).contains("pattern");
  }

  private static HttpResponse<String> timed(HttpRequest request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf(
        "%s %s: %d in %d ms%n",
        request.method(), path(request), response.statusCode(), took.toMillis());
    assertThat(took).as("answer time of %s", path(request)).isLessThan(BOUND);
    return response;
  }

  private static String path(HttpRequest request) {
    String path = request.uri().getPath();
    return path.length() > 40 ? path.substring(0, 40) + "..." : path;
  }

  private static HttpRequest postField(String field, String value) {
    ObjectNode body = JSON.createObjectNode().put(field, value);
    return post("/fields", body.toString());
  }

  private static HttpRequest post(String path, String body) {
    return HttpRequest.newBuilder(URI.create(server.baseUri() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpRequest get(String pathAndQuery, String trace) {
    return HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery))
        .timeout(Duration.ofSeconds(10))
        .header("X-Trace", trace)
        .GET()
        .build();
  }
}
