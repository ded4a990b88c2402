package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookc.compiler.model.AsyncDelivery;
import dev.hookc.compiler.model.Authn;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Idempotency;
import dev.hookc.compiler.model.KafkaForward;
import dev.hookc.compiler.model.KafkaHandoff;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.naming.Durations;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Emits the code that puts a route's controller behind its guard: the authenticator its {@code
 * authn} names, with the secrets the application's {@code build()} resolved from the configuration
 * or the environment, and checked.
 */
final class GuardEmitter {
  static final ClassName AUTHENTICATORS = RuntimeTypes.AUTHENTICATORS;
  static final ClassName SECRETS = RuntimeTypes.SECRETS;
  static final ClassName EVENT_TYPES = RuntimeTypes.EVENT_TYPES;
  static final ClassName DELIVERY_IDENTITY = RuntimeTypes.DELIVERY_IDENTITY;
  static final ClassName JDBC_STORE = RuntimeTypes.JDBC_STORE;
  static final ClassName IDEMPOTENCY = RuntimeTypes.IDEMPOTENCY;
  static final ClassName REQUEST_KEYS = RuntimeTypes.REQUEST_KEYS;
  static final ClassName INBOX = RuntimeTypes.INBOX;
  static final ClassName INBOX_ADMIN = RuntimeTypes.INBOX_ADMIN;
  static final ClassName RETRY_POLICY = RuntimeTypes.RETRY_POLICY;

  private final Names names;

  GuardEmitter(Names names) {
    this.names = names;
  }

  /** The variable that holds an async event's inbox in {@code routes(startup)}. */
  String inboxVariable(Event event) {
    String controller = names.controller(event).simpleName();
    String base =
        controller.endsWith("Controller")
            ? controller.substring(0, controller.length() - 10)
            : controller;
    return Character.toLowerCase(base.charAt(0)) + base.substring(1) + "Inbox";
  }

  /**
   * The statement that starts an async event's inbox, whose workers run {@code controller}; the
   * application owns it from then on.
   */
  CodeBlock startInbox(
      Event event, AsyncDelivery async, CodeBlock controller, Optional<Duration> retention) {
    if (async.forward().isPresent()) {
      return CodeBlock.of(
          "$T $L =\nstartup.inbox(\n$>$>$S,\n$L,\nnew $T($L, $L, $L, 2),\n$T.ofMinutes(2),\n4,\n$L,\n$L)$<$<",
          INBOX,
          inboxVariable(event),
          event.method() + " " + event.path(),
          async.runs() ? controller : CodeBlock.of("null"),
          RETRY_POLICY,
          async.maxAttempts(),
          Durations.code(async.backoff()),
          Durations.code(async.maxBackoff()),
          Duration.class,
          retention.map(Durations::code).orElse(CodeBlock.of("$T.RETENTION", INBOX)),
          forward(event, async.forward().get()));
    }
    return CodeBlock.of(
        "$T $L =\nstartup.inbox(\n$>$>$S,\n$L,\nnew $T($L, $L, $L, 2),\n$T.ofMinutes(2),\n4$L)$<$<",
        INBOX,
        inboxVariable(event),
        event.method() + " " + event.path(),
        controller,
        RETRY_POLICY,
        async.maxAttempts(),
        Durations.code(async.backoff()),
        Durations.code(async.maxBackoff()),
        Duration.class,
        // Only when the project sets it, so that other projects' code stays as it was.
        retention.map(r -> CodeBlock.of(",\n$L", Durations.code(r))).orElse(CodeBlock.of("")));
  }

  /**
   * The {@code InboxForward} of an async event's {@code forward: {kafka: ...}}: the publisher of
   * its kafka event source, opened here, before the inbox, so that the inbox stops first.
   */
  private static CodeBlock forward(Event event, KafkaForward forward) {
    String source = forward.source().orElseThrow(); // named by the binder
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "$T.to(startup.kafka($S), $S, $S)",
                RuntimeTypes.INBOX_FORWARD,
                source,
                source,
                forward.topic())
            .indent()
            .indent()
            .add("\n.route($S)", event.method() + " " + event.path());
    event.guard().authn().ifPresent(a -> code.add("\n.authn($S)", a.scheme()));
    forward.key().ifPresent(k -> code.add("\n.key($L)", forwardKey(k)));
    if (!forward.headers().isEmpty()) {
      code.add(
          "\n.headers($L)",
          CodeBlock.join(
              forward.headers().stream().map(h -> CodeBlock.of("$S", h)).toList(), ", "));
    }
    code.add("\n.timeout($L)", Durations.code(forward.timeout()));
    if (forward.run()) {
      code.add("\n.run(true)");
    }
    return code.unindent().unindent().build();
  }

  private static CodeBlock forwardKey(KafkaForward.Key key) {
    // Read from a stored delivery, which has no verifying scheme to identify it by.
    return requestKey(
        key.source(),
        key.path(),
        Optional.empty(),
        properties -> CodeBlock.of("$T.bodyKey($L)", RuntimeTypes.KAFKA_HANDOFF, properties));
  }

  /** {@code controller} behind {@code guard}; {@code controller} itself when the route is open. */
  CodeBlock wrap(Event event, RouteGuard guard, CodeBlock controller) {
    CodeBlock handler = controller;
    if (guard.async().isPresent()) {
      // The inbox's unique key on the idempotency key deduplicates async deliveries.
      handler =
          CodeBlock.of(
              "$L.accept($L, $L, $L)",
              inboxVariable(event),
              guard.async().get().acceptStatus(),
              guard.idempotency().map(k -> key(k, guard)).orElse(CodeBlock.of("null")),
              event.bodySchema().isPresent()
                  ? CodeBlock.of("json -> $T.validate(json)", names.bodyValidator(event))
                  : CodeBlock.of("null"));
    } else if (guard.kafka().isPresent()) {
      handler = kafka(event, guard, guard.kafka().get());
    }
    if (guard.async().isEmpty() && guard.idempotency().isPresent()) {
      // Only answers below 500 are recorded: a delivery Kafka did not confirm is sent again.
      Idempotency idempotency = guard.idempotency().get();
      // A hand-off settles within its timeout: a claim left by a process that died is taken
      // over soon after, not after the usual two minutes, so the sender's retry goes through.
      CodeBlock bounds =
          guard
              .kafka()
              .map(
                  k ->
                      CodeBlock.of(
                          "\n.withBounds($L, $T.ofSeconds(10), wiring.clock())",
                          Durations.code(k.timeout().plusSeconds(10)),
                          Duration.class))
              .orElse(CodeBlock.of(""));
      handler =
          CodeBlock.of(
              "$T.of(store, $S, $L, $L)$>$>$L\n.protect($L)$<$<",
              IDEMPOTENCY,
              event.method() + " " + event.path(),
              key(idempotency, guard),
              Durations.code(idempotency.ttl()),
              bounds,
              handler);
    }
    // Right after authentication: a delivery of a type the route does not accept, or a ping,
    // claims no key and is never stored.
    if (event.accepted().isPresent()) {
      CodeBlock.Builder types =
          CodeBlock.builder().add("$T.of($S", EVENT_TYPES, event.accepted().get().header());
      event.accepted().get().types().forEach(t -> types.add(", $S", t));
      handler = CodeBlock.of("$L)$>$>\n.protect($L)$<$<", types.build(), handler);
    }
    // Authentication comes first, so that an unauthenticated request claims no key.
    if (guard.authn().isPresent()) {
      handler =
          CodeBlock.of(
              "$L$>$>\n.protect($L)$<$<", authenticator(event, guard.authn().get()), handler);
    }
    return handler;
  }

  /**
   * The handler of a {@code delivery: kafka} route: the delivery produced to its topic, answered
   * once the broker confirmed it.
   */
  private CodeBlock kafka(Event event, RouteGuard guard, KafkaHandoff kafka) {
    String source = kafka.source().orElseThrow(); // named by the binder
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "$T.to(startup.kafka($S), $S, $S)",
                RuntimeTypes.KAFKA_HANDOFF,
                source,
                source,
                kafka.topic())
            .indent()
            .indent()
            .add("\n.route($S)", event.method() + " " + event.path());
    guard.authn().ifPresent(a -> code.add("\n.authn($S)", a.scheme()));
    guard
        .authn()
        .flatMap(GuardEmitter::deliveryIdentity)
        .ifPresent(identity -> code.add("\n.deliveryId($L::id)", identity));
    kafka.key().ifPresent(k -> code.add("\n.key($L)", kafkaKey(k, guard)));
    if (!kafka.headers().isEmpty()) {
      code.add(
          "\n.headers($L)",
          CodeBlock.join(kafka.headers().stream().map(h -> CodeBlock.of("$S", h)).toList(), ", "));
    }
    code.add("\n.timeout($L)", Durations.code(kafka.timeout()));
    if (kafka.acceptStatus() != 202) {
      code.add("\n.accept($L)", kafka.acceptStatus());
    }
    if (event.bodySchema().isPresent()) {
      code.add("\n.validate(json -> $T.validate(json))", names.bodyValidator(event));
    }
    return code.add("\n.clock(wiring.clock())\n.handler()").unindent().unindent().build();
  }

  private static CodeBlock kafkaKey(KafkaHandoff.Key key, RouteGuard guard) {
    return requestKey(
        key.source(),
        key.path(),
        guard.authn(),
        properties -> CodeBlock.of("$T.bodyKey($L)", RuntimeTypes.KAFKA_HANDOFF, properties));
  }

  private static CodeBlock authenticator(Event event, Authn authn) {
    String route = event.method() + " " + event.path();
    CodeBlock tolerance = Durations.code(authn.tolerance());
    CodeBlock clock = CodeBlock.of("wiring.clock()");
    CodeBlock secrets = secrets(route);
    switch (authn.scheme()) {
      case "standard-webhooks":
        return CodeBlock.of(
            "$T.standardWebhooks($L, $L, $L)", AUTHENTICATORS, secrets, tolerance, clock);
      case "stripe":
        return CodeBlock.of("$T.stripe($L, $L, $L)", AUTHENTICATORS, secrets, tolerance, clock);
      case "github":
        return CodeBlock.of("$T.github($L)", AUTHENTICATORS, secrets);
      case "hmac":
        return CodeBlock.of(
            "$T.hmac($L, $S, $S, $S, $S)",
            AUTHENTICATORS,
            secrets,
            authn.options().get("header"),
            authn.options().getOrDefault("algorithm", "sha256"),
            authn.options().getOrDefault("encoding", "hex"),
            authn.options().getOrDefault("prefix", ""));
      case "jwt":
        return jwt(route, authn);
      default:
        throw new IllegalStateException("scheme not checked by the reader: " + authn.scheme());
    }
  }

  /**
   * A {@code JwtVerifier} built from the scheme's key and the settings written, and only those, so
   * that the code reads like the YAML.
   */
  private static CodeBlock jwt(String route, Authn authn) {
    Authn.Jwt jwt = authn.jwt().orElseThrow();
    CodeBlock.Builder code = CodeBlock.builder();
    if (jwt.jwksUrl().isPresent()) {
      Authn.SecretRef url = jwt.jwksUrl().get();
      code.add(
          "$T.jwks($L)",
          AUTHENTICATORS,
          url.literal()
              ? CodeBlock.of("$S", url.reference())
              : CodeBlock.of("$L.get(0)", secrets(route)));
    } else if (authn.publicKey().isPresent()) {
      code.add("$T.jwtPublicKey($L.get(0))", AUTHENTICATORS, secrets(route));
    } else {
      code.add("$T.jwt($L)", AUTHENTICATORS, secrets(route));
    }
    code.indent().indent();
    if (!jwt.algorithms().isEmpty()) {
      code.add(
          "\n.algorithms($L)",
          CodeBlock.join(jwt.algorithms().stream().map(a -> CodeBlock.of("$S", a)).toList(), ", "));
    }
    Optional.ofNullable(authn.options().get("issuer"))
        .ifPresent(issuer -> code.add("\n.issuer($S)", issuer));
    Optional.ofNullable(authn.options().get("audience"))
        .ifPresent(audience -> code.add("\n.audience($S)", audience));
    if (!authn.tolerance().isZero()) {
      code.add("\n.leeway($L)", Durations.code(authn.tolerance()));
    }
    if (!jwt.requireExp()) {
      code.add("\n.requireExp(false)");
    }
    jwt.jwksTtl().ifPresent(ttl -> code.add("\n.jwksTtl($L)", Durations.code(ttl)));
    return code.add("\n.build()").unindent().unindent().build();
  }

  /**
   * How a Kafka event's records are identified: the {@code hookc-delivery-id} header, which the
   * runtime sets to the producing route's delivery id, else to {@code
   * <topic>-<partition>-<offset>}.
   */
  static CodeBlock recordIdentity() {
    return CodeBlock.of(
        "$T.headers($S, $S, null)", DELIVERY_IDENTITY, "kafka", "hookc-delivery-id");
  }

  /**
   * How {@code authn} identifies a delivery, as a {@code DeliveryIdentity}; empty when it does not.
   */
  static Optional<CodeBlock> deliveryIdentity(Authn authn) {
    switch (authn.scheme()) {
      case "standard-webhooks":
        return Optional.of(CodeBlock.of("$T.standardWebhooks()", DELIVERY_IDENTITY));
      case "stripe":
        return Optional.of(CodeBlock.of("$T.stripe()", DELIVERY_IDENTITY));
      case "github":
        return Optional.of(CodeBlock.of("$T.github()", DELIVERY_IDENTITY));
      default:
        return Optional.ofNullable(authn.options().get("id_header"))
            .map(
                id ->
                    CodeBlock.of(
                        "$T.headers($S, $S, $L)",
                        DELIVERY_IDENTITY,
                        authn.scheme(),
                        id,
                        literal(Optional.ofNullable(authn.options().get("event_header")))));
    }
  }

  private static CodeBlock key(Idempotency idempotency, RouteGuard guard) {
    return requestKey(
        idempotency.source(),
        idempotency.path(),
        guard.authn(),
        properties -> CodeBlock.of("$T.body($L)", REQUEST_KEYS, properties));
  }

  /**
   * A key read from the request: the delivery's id as {@code authn} gives it, a header, a query or
   * path parameter, or else the body property at {@code path}, which {@code body} reads from the
   * property names.
   */
  private static CodeBlock requestKey(
      String source,
      List<String> path,
      Optional<Authn> authn,
      Function<CodeBlock, CodeBlock> body) {
    switch (source) {
      case "delivery":
        // A route whose scheme identifies no delivery was reported at build time, and the code
        // generated meanwhile is discarded.
        return authn
            .flatMap(GuardEmitter::deliveryIdentity)
            .map(identity -> CodeBlock.of("$L::id", identity))
            .orElse(CodeBlock.of("null"));
      case "headers":
        return CodeBlock.of("$T.header($S)", REQUEST_KEYS, path.get(0));
      case "query":
        return CodeBlock.of("$T.query($S)", REQUEST_KEYS, path.get(0));
      case "params":
        return CodeBlock.of("$T.param($S)", REQUEST_KEYS, path.get(0));
      default:
        return body.apply(
            CodeBlock.join(path.stream().map(p -> CodeBlock.of("$S", p)).toList(), ", "));
    }
  }

  /** The secrets of {@code route}, which {@link #secretReferences} declared to the builder. */
  private static CodeBlock secrets(String route) {
    return CodeBlock.of("startup.secrets($S)", route);
  }

  /**
   * The references of the secrets {@code authn} verifies with, as the application's builder
   * resolves them: {@code config.a.b}, {@code env.NAME}, or {@code value:<secret>} for a literal,
   * marked so that one that happens to start with {@code env.} stays a literal. Empty when it needs
   * none (a JWKS at a literal URL).
   */
  static List<String> secretReferences(Authn authn) {
    List<Authn.SecretRef> refs;
    Optional<Authn.SecretRef> jwksUrl = authn.jwt().flatMap(Authn.Jwt::jwksUrl);
    if (jwksUrl.isPresent()) {
      refs = jwksUrl.get().literal() ? List.of() : List.of(jwksUrl.get());
    } else if (authn.scheme().equals("jwt") && authn.publicKey().isPresent()) {
      refs = List.of(authn.publicKey().get());
    } else {
      refs = authn.secrets();
    }
    return refs.stream().map(GuardEmitter::reference).toList();
  }

  /** A secret's reference as {@code Secrets.resolve} reads it. */
  static String reference(Authn.SecretRef ref) {
    return ref.literal() ? "value:" + ref.reference() : ref.reference();
  }

  private static CodeBlock literal(Optional<String> text) {
    return text.map(t -> CodeBlock.of("$S", t)).orElse(CodeBlock.of("null"));
  }
}
