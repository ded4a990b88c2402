package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.kafka.KafkaCode;
import dev.hookc.compiler.model.Authn;
import dev.hookc.compiler.model.HttpDefaults;
import dev.hookc.compiler.model.Idempotency;
import dev.hookc.compiler.model.KafkaHandoff;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.Collection;
import java.util.Optional;

/**
 * Works out an event's guard while it is loaded: its own {@code authn} or else the server-wide
 * default, its {@code idempotency} and its {@code delivery}. An event without {@code authn} under a
 * server without a default is public, as in Godspeed.
 */
public final class RouteGuardReader {
  private final Diagnostics diagnostics;
  private final AuthnReader authn;
  private final IdempotencyReader idempotency;
  private final DeliveryReader delivery;
  private final KafkaHandoffReader kafka;

  public RouteGuardReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.authn = new AuthnReader(diagnostics);
    this.idempotency = new IdempotencyReader(diagnostics);
    this.delivery = new DeliveryReader(diagnostics);
    this.kafka = new KafkaHandoffReader(diagnostics);
  }

  /**
   * The guard of the event written as {@code event}, which declares responses of {@code statuses},
   * under the defaults of {@code http.yaml}.
   */
  public RouteGuard read(YamlMapping event, Collection<String> statuses, HttpDefaults defaults) {
    Optional<Authn> scheme = defaults.authn();
    boolean malformed = defaults.authnMalformed();
    Optional<YamlNode> declared = event.get("authn");
    if (declared.isPresent()) {
      Optional<AuthnReader.Declared> read = authn.read(declared.get());
      // 'authn: true' without a default is reported too; the route is not public either.
      malformed =
          read.isEmpty()
              || (read.get().kind() == AuthnReader.Kind.DEFAULT && defaults.authn().isEmpty());
      scheme = read.flatMap(d -> resolve(d, defaults.authn(), declared.get()));
    }
    Optional<Idempotency> key = event.get("idempotency").flatMap(idempotency::read);
    return new RouteGuard(
        scheme, key, delivery.read(event, statuses), malformed, kafka(event, statuses));
  }

  private Optional<KafkaHandoff> kafka(YamlMapping event, Collection<String> statuses) {
    if (DeliveryReader.isKafka(event)) {
      return kafka.read(
          event, event.get("delivery").orElseThrow(), DeliveryReader.acceptStatus(statuses));
    }
    event
        .entry("kafka")
        .ifPresent(
            block ->
                diagnostics.report(
                    KafkaCode.HANDOFF_MALFORMED,
                    block.key().location(),
                    "'kafka' applies only to 'delivery: kafka'",
                    "add 'delivery: kafka', or remove 'kafka'"));
    return Optional.empty();
  }

  private Optional<Authn> resolve(
      AuthnReader.Declared declared, Optional<Authn> serverDefault, YamlNode node) {
    switch (declared.kind()) {
      case PUBLIC:
        return Optional.empty();
      case DEFAULT:
        if (serverDefault.isEmpty()) {
          diagnostics.report(
              SecurityCode.AUTHN_NO_DEFAULT,
              node.location(),
              "'authn: true' asks for the server's authentication, but none is configured",
              "set 'authn:' in src/eventsources/http.yaml, name a scheme here, or write"
                  + " 'authn: false'");
        }
        return serverDefault;
      default:
        return declared.scheme();
    }
  }
}
