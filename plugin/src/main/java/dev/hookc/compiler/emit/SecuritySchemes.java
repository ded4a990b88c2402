package dev.hookc.compiler.emit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.model.Authn;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The security schemes of an OpenAPI document, one for each way its routes authenticate: HTTP
 * bearer for {@code jwt}, and for a signature scheme the header that carries it, with a link to how
 * a sender signs. OpenAPI has no scheme for a signed body, so a signature is described as an API
 * key in that header.
 */
final class SecuritySchemes {
  private final Map<String, ObjectNode> schemes = new TreeMap<>();

  boolean isEmpty() {
    return schemes.isEmpty();
  }

  /** Adds the scheme of {@code authn}, once; returns its name. */
  String add(Authn authn) {
    ObjectNode scheme = JsonNodeFactory.instance.objectNode();
    String name;
    switch (authn.scheme()) {
      case "jwt" -> {
        name = "jwt";
        scheme.put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        scheme.put("description", "A JSON Web Token in `Authorization: Bearer <token>`.");
      }
      case "standard-webhooks" -> {
        name = "standardWebhooks";
        signature(
            scheme,
            "webhook-signature",
            "A Standard Webhooks signature (with `webhook-id` and `webhook-timestamp`):"
                + " https://www.standardwebhooks.com/");
      }
      case "stripe" -> {
        name = "stripe";
        signature(
            scheme,
            "Stripe-Signature",
            "Stripe's signature of the body:"
                + " https://docs.stripe.com/webhooks#verify-manually");
      }
      case "github" -> {
        name = "github";
        signature(
            scheme,
            "X-Hub-Signature-256",
            "GitHub's HMAC-SHA256 signature of the body:"
                + " https://docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries");
      }
      default -> {
        String header = authn.options().getOrDefault("header", "X-Signature");
        name = "hmac-" + header.toLowerCase(Locale.ROOT);
        signature(
            scheme,
            header,
            "The "
                + authn.options().getOrDefault("prefix", "")
                + authn.options().getOrDefault("encoding", "hex")
                + " HMAC-"
                + authn.options().getOrDefault("algorithm", "sha256").toUpperCase(Locale.ROOT)
                + " of the raw body, with the shared secret:"
                + " https://hookc.dev/docs/webhooks#schemes");
      }
    }
    schemes.putIfAbsent(name, scheme);
    return name;
  }

  private static void signature(ObjectNode scheme, String header, String description) {
    scheme.put("type", "apiKey").put("in", "header").put("name", header);
    scheme.put("description", description);
  }

  ObjectNode node(JsonNodeFactory nodes) {
    ObjectNode node = nodes.objectNode();
    schemes.forEach(node::set);
    return node;
  }
}
