package dev.hookc.compiler.security;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.Authn;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one secret: {@code <% config.a.b %>} or {@code <% env.NAME %>}, resolved when the server
 * starts, or a literal, which works but is reported because it puts the secret in source control.
 */
final class SecretReader {
  static final Pattern REFERENCE =
      Pattern.compile(
          "<%\\s*((?:config(?:\\.[A-Za-z_][A-Za-z0-9_-]*)+)|(?:env\\.[A-Za-z_][A-Za-z0-9_]*))\\s*%>");

  private final Diagnostics diagnostics;

  SecretReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<Authn.SecretRef> read(YamlNode node, String what) {
    if (!(node instanceof YamlScalar scalar)
        || scalar.type() == ScalarType.NULL
        || scalar.value().isEmpty()) {
      diagnostics.report(
          SecurityCode.AUTHN_BAD_SECRET,
          node.location(),
          what + " must be a non-empty text",
          "write '<% config.path.to.secret %>' or '<% env.SECRET_NAME %>'");
      return Optional.empty();
    }
    String text = scalar.value().trim();
    Matcher reference = REFERENCE.matcher(text);
    if (reference.matches()) {
      return Optional.of(new Authn.SecretRef(reference.group(1), false, scalar.location()));
    }
    if (text.contains("<%")) {
      diagnostics.report(
          SecurityCode.AUTHN_BAD_SECRET,
          scalar.location(),
          what + " must name one configuration value or environment variable",
          "write '<% config.path.to.secret %>' or '<% env.SECRET_NAME %>'");
      return Optional.empty();
    }
    diagnostics.report(
        SecurityCode.AUTHN_LITERAL_SECRET,
        scalar.location(),
        what + " is written in the YAML, so it is in source control",
        "move it to config or the environment: '<% config.path.to.secret %>' or"
            + " '<% env.SECRET_NAME %>'");
    return Optional.of(new Authn.SecretRef(scalar.value(), true, scalar.location()));
  }
}
