package dev.hookc.compiler.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build-time checks of 'authn', 'idempotency' and http.yaml, by code, line and column. */
class GuardDiagnosticsTest {
  private static final String WORKFLOW =
      "id: ack\ntasks:\n  - id: respond\n    args:\n      statusCode: 200\n";

  @TempDir Path project;

  private CompileResult compile(String events) throws Exception {
    return compile(events, null);
  }

  private CompileResult compile(String events, String httpYaml) throws Exception {
    Path src = project.resolve("src");
    Files.createDirectories(src.resolve("events"));
    Files.createDirectories(src.resolve("functions"));
    Files.writeString(src.resolve("events/hooks.yaml"), events);
    Files.writeString(src.resolve("functions/ack.yaml"), WORKFLOW);
    if (httpYaml != null) {
      Files.createDirectories(src.resolve("eventsources"));
      Files.writeString(src.resolve("eventsources/http.yaml"), httpYaml);
    }
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

  private static Object[] at(String code, int line, int column) {
    return new Object[] {code, line, column};
  }

  private static void assertReported(CompileResult result, Object[]... expected) {
    assertThat(result.diagnostics())
        .extracting(d -> d.code().id(), d -> d.location().line(), d -> d.location().column())
        .containsExactly(
            java.util.Arrays.stream(expected)
                .map(e -> tuple(e[0], e[1], e[2]))
                .toArray(org.assertj.core.groups.Tuple[]::new));
  }

  private static String application(CompileResult result) {
    return result.sources().stream()
        .filter(s -> s.path().endsWith("HookcApplication.java"))
        .findFirst()
        .orElseThrow()
        .content();
  }

  @Test
  void suggestsTheSchemeAnUnknownOneWasMeantToBe() throws Exception {
    CompileResult result =
        compile(
            "http.post./hook:\n  fn: ack\n  authn:\n    strpe:\n      secret: <% config.s %>\n");
    assertReported(result, at("HC2601", 4, 5));
    assertThat(result.diagnostics().get(0).hint()).hasValue("did you mean 'stripe'?");
  }

  @Test
  void rejectsASchemeWithoutSecret() throws Exception {
    assertReported(
        compile("http.post./hook:\n  fn: ack\n  authn:\n    github:\n      header: x\n"),
        at("HC2602", 4, 5),
        at("HC2606", 5, 7));
  }

  @Test
  void rejectsAMalformedTolerance() throws Exception {
    assertReported(
        compile(
            "http.post./hook:\n  fn: ack\n  authn:\n    stripe:\n      secret: <% env.S %>\n"
                + "      tolerance: five minutes\n"),
        at("HC2603", 6, 18));
  }

  @Test
  void warnsAboutALiteralSecretButStillGeneratesTheRoute() throws Exception {
    CompileResult result =
        compile("http.post./hook:\n  fn: ack\n  authn:\n    github:\n      secret: hunter2\n");
    assertReported(result, at("HC2605", 5, 15));
    assertThat(result.diagnostics().get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(application(result)).contains("\"value:hunter2\"");
  }

  @Test
  void rejectsASecretExpressionThatIsNotOneConfigOrEnvironmentValue() throws Exception {
    assertReported(
        compile(
            "http.post./hook:\n  fn: ack\n  authn:\n    github:\n"
                + "      secret: <% inputs.headers.x %>\n"),
        at("HC2604", 5, 15));
  }

  @Test
  void rejectsUnknownAndInvalidHmacSettings() throws Exception {
    CompileResult result =
        compile(
            "http.post./hook:\n  fn: ack\n  authn:\n    hmac:\n      secret: <% env.S %>\n"
                + "      algorithm: sha384\n      encodng: hex\n");
    assertReported(result, at("HC2606", 4, 5), at("HC2606", 6, 18), at("HC2606", 7, 7));
  }

  @Test
  void rejectsAStoreOrAdminSettingOfTheWrongShape() throws Exception {
    CompileResult result =
        compile(
            "http.post./hook:\n  fn: ack\n  authn: false\n",
            "store:\n  uri: jdbc:h2:mem:x\nadmin: secret\n");

    assertReported(result, at("HC2610", 2, 3), at("HC2610", 3, 8));
  }

  @Test
  void requiresAServerDefaultForAuthnTrue() throws Exception {
    assertReported(compile("http.post./hook:\n  fn: ack\n  authn: true\n"), at("HC2607", 3, 10));
  }

  @Test
  void appliesTheServerDefaultUnlessTheRouteOptsOut() throws Exception {
    CompileResult result =
        compile(
            "http.post./private:\n  fn: ack\nhttp.post./public:\n  fn: ack\n  authn: false\n",
            "authn:\n  jwt:\n    secret: <% config.jwt.secret %>\n    issuer: me\n");
    assertThat(result.diagnostics()).isEmpty();
    String application = application(result);
    assertThat(application)
        .contains(".secrets(\"POST /private\", \"config.jwt.secret\")")
        .doesNotContain(".secrets(\"POST /public\"")
        .contains(
            "Authenticators.jwt(startup.secrets(\"POST /private\"))\n"
                + "                .issuer(\"me\")\n"
                + "                .build()")
        .contains("Route.of(\"POST\", \"/public\", new PostPublicController(wiring))");
  }

  @Test
  void rejectsAnAuthnThatIsNeitherBooleanNorOneScheme() throws Exception {
    assertReported(
        compile("http.post./hook:\n  fn: ack\n  authn: yes please\n"), at("HC2014", 3, 10));
  }

  @Test
  void reportsEveryProblemOfOneFileInOneBuild() throws Exception {
    CompileResult result =
        compile(
            "http.post./a:\n  fn: ack\n  authn:\n    jwt: {}\n"
                + "http.post./b:\n  fn: ack\n  authn:\n    githb: {}\n");
    assertThat(result.diagnostics())
        .extracting(Diagnostic::code)
        .extracting(c -> c.id())
        .containsExactly("HC2602", "HC2601");
  }

  @Test
  void rejectsAnIdempotencyKeyThatIsNotOneRequestValue() throws Exception {
    assertReported(
        compile(
            "http.post./hook:\n  fn: ack\n  idempotency:\n    key: <% inputs.headers %>\n"
                + "    tll: 1h\n"),
        at("HC2608", 4, 10),
        at("HC2609", 5, 5));
  }

  @Test
  void keysIdempotentRoutesOnTheNamedHeaderInTheSharedStore() throws Exception {
    CompileResult result =
        compile(
            "http.post./hook:\n  fn: ack\n  idempotency:\n"
                + "    key: <% inputs.headers['Webhook-Id'] %>\n    ttl: 2h\n",
            "store:\n  data_dir: /var/lib/hooks\n");
    assertThat(result.diagnostics()).isEmpty();
    assertThat(application(result).replaceAll("\\s+", " "))
        .contains(".store(null, \"/var/lib/hooks\")")
        .contains("JdbcStore store = startup.store();")
        .contains("public static Application.Builder builder()")
        .contains(
            "Idempotency.of(store, \"POST /hook\", RequestKeys.header(\"Webhook-Id\"),"
                + " Duration.ofHours(2))");
  }

  @Test
  void rejectsAnUnknownDeliveryModeAndRetryOnASynchronousEvent() throws Exception {
    assertReported(
        compile(
            "http.post./a:\n  fn: ack\n  delivery: later\n"
                + "http.post./b:\n  fn: ack\n  retry:\n    max_attempts: 3\n"
                + "http.post./c:\n  fn: ack\n  delivery: async\n  retry:\n    attempts: 3\n"
                + "    max_attempts: 0\n"),
        at("HC2611", 3, 13),
        at("HC2612", 7, 5),
        at("HC2612", 12, 5),
        at("HC2612", 13, 19));
  }

  @Test
  void acknowledgesAnAsyncEventWithItsDeclared2xxAfterStoringIt() throws Exception {
    CompileResult result =
        compile(
            "http.post./a:\n  fn: ack\n  delivery: async\n  responses:\n    200:\n"
                + "      description: stored\n",
            "admin:\n  token: <% env.ADMIN_TOKEN %>\n");
    assertThat(result.diagnostics()).isEmpty();
    assertThat(application(result).replaceAll("\\s+", " "))
        .contains("Inbox postAInbox =")
        .contains("postAInbox.accept(200, null, null)")
        // The application opens the store before the routes, and owns the inbox it starts.
        .contains(".store(null, null)")
        .contains("Inbox postAInbox = startup.inbox( \"POST /a\", new PostAController(wiring),")
        .contains(".adminToken(\"env.ADMIN_TOKEN\")")
        .contains("InboxAdmin.routes(startup.adminToken(), Map.ofEntries(");
  }

  @Test
  void startsEachInboxWithTheRetentionTheStoreSetsAndChecksTtlsAgainstIt() throws Exception {
    String events =
        "http.post./a:\n  fn: ack\n  delivery: async\n  authn: false\n  idempotency:\n"
            + "    key: <% inputs.headers['Webhook-Id'] %>\n    ttl: 20d\n";
    CompileResult kept = compile(events, "store:\n  retention: 30d\n");
    assertThat(kept.diagnostics()).isEmpty();
    assertThat(application(kept).replaceAll("\\s+", " "))
        .contains("Duration.ofMinutes(2), 4, Duration.ofDays(30));");

    // The default keeps a delivery 7 days, fewer than the ttl: HC8002 as before.
    CompileResult byDefault = compile(events, "store:\n  data_dir: data\n");
    assertReported(byDefault, at("HC8002", 7, 10));
    assertThat(application(byDefault).replaceAll("\\s+", " "))
        .contains("Duration.ofMinutes(2), 4);");
  }

  @Test
  void rejectsARetentionThatIsNotADurationOrShorterThanASecond() throws Exception {
    String events = "http.post./a:\n  fn: ack\n  delivery: async\n  authn: false\n";
    assertReported(compile(events, "store:\n  retention: forever\n"), at("HC2109", 2, 14));
    assertReported(compile(events, "store:\n  retention: 500ms\n"), at("HC2109", 2, 14));
    assertReported(compile(events, "store:\n  retention: [7d]\n"), at("HC2109", 2, 14));
  }

  @Test
  void buildsAJwksVerifierWithOnlyTheSettingsWritten() throws Exception {
    CompileResult result =
        compile(
            "http.post./hook:\n  fn: ack\n  authn:\n    jwt:\n"
                + "      jwks_url: <% config.google.jwks_url %>\n"
                + "      algorithms: [RS256, ES256]\n"
                + "      issuer: https://accounts.google.com\n"
                + "      tolerance: 30s\n"
                + "      require_exp: false\n"
                + "      jwks_ttl: 1h\n");

    assertThat(result.diagnostics()).isEmpty();
    assertThat(application(result).replaceAll("\\s+", " "))
        .contains(".secrets(\"POST /hook\", \"config.google.jwks_url\")")
        .contains(
            "Authenticators.jwks(startup.secrets(\"POST /hook\").get(0))"
                + " .algorithms(\"RS256\", \"ES256\")"
                + " .issuer(\"https://accounts.google.com\")"
                + " .leeway(Duration.ofSeconds(30))"
                + " .requireExp(false)"
                + " .jwksTtl(Duration.ofHours(1))"
                + " .build()");
  }

  @Test
  void rejectsAJwksUrlThatIsNotHttpsUnlessItIsLoopbackAndATtlUnderAMinute() throws Exception {
    String jwt = "http.post./hook:\n  fn: ack\n  authn:\n    jwt:\n";

    assertReported(
        compile(jwt + "      jwks_url: http://keys.example.com/jwks\n      jwks_ttl: 30s\n"),
        at("HC2613", 5, 17),
        at("HC2613", 6, 17));
    assertReported(compile(jwt + "      jwks_url: ftp://127.0.0.1/jwks\n"), at("HC2613", 5, 17));
    assertReported(compile(jwt + "      jwks_url: <% inputs.headers.x %>\n"), at("HC2613", 5, 17));
    assertThat(compile(jwt + "      jwks_url: http://127.0.0.1:8080/jwks\n").diagnostics())
        .isEmpty();
    assertReported(
        compile(jwt + "      secret: <% env.S %>\n      jwks_ttl: 10m\n"), at("HC2606", 6, 17));
  }

  @Test
  void rejectsAlgorithmsThatAreUnknownNoneOrForAnotherKindOfKey() throws Exception {
    String jwt = "http.post./hook:\n  fn: ack\n  authn:\n    jwt:\n";

    CompileResult result =
        compile(
            jwt
                + "      jwks_url: https://k.example.com/\n      algorithms: [RS265, none, HS256]\n");

    assertReported(result, at("HC2614", 6, 20), at("HC2614", 6, 27), at("HC2614", 6, 33));
    assertThat(result.diagnostics().get(0).hint()).hasValue("did you mean 'RS256'?");
    assertReported(
        compile(jwt + "      secret: <% env.S %>\n      algorithms: PS256\n"), at("HC2614", 6, 19));
  }

  @Test
  void rejectsAJwtSchemeWithTwoKeysOrANonBooleanRequireExp() throws Exception {
    String jwt = "http.post./hook:\n  fn: ack\n  authn:\n    jwt:\n";

    assertReported(
        compile(
            jwt
                + "      secret: <% env.S %>\n      jwks_url: https://k.example.com/\n"
                + "      require_exp: sometimes\n"),
        at("HC2606", 4, 5),
        at("HC2606", 7, 20));
  }
}
