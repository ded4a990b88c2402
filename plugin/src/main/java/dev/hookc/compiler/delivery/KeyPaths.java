package dev.hookc.compiler.delivery;

import dev.hookc.compiler.model.Authn;
import dev.hookc.compiler.model.Idempotency;
import dev.hookc.compiler.model.RouteGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places in a workflow's {@code inputs} that hold a delivery's key, as dotted paths ({@code
 * inputs.delivery.id}, {@code inputs.headers.webhook-id}, {@code inputs.body.id}), and which of
 * them an expression reads.
 *
 * <p>An expression reads a key when it names the key's path, a part of it ({@code
 * inputs.delivery.id.length}), or an object holding it ({@code inputs.body} holds {@code
 * inputs.body.id}; {@code inputs} holds every key). Header names compare in any case. Brackets
 * count as dots: {@code inputs.headers['webhook-id']} is {@code inputs.headers.webhook-id}.
 */
final class KeyPaths {
  private static final Pattern BRACKET = Pattern.compile("\\[\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*]");
  private static final Pattern DOTS = Pattern.compile("\\s*\\.\\s*");
  private static final Pattern PATH =
      Pattern.compile("(?<![\\w$.])inputs(?:\\.[A-Za-z_$][\\w$-]*|\\.\\u0000[^\\u0000]*\\u0000)*");
  private static final Pattern EXPRESSION = Pattern.compile("<%(.*?)%>", Pattern.DOTALL);

  private KeyPaths() {}

  /**
   * The paths that hold a delivery's key on a route guarded by {@code guard}: its idempotency key,
   * and, when its scheme identifies deliveries, {@code inputs.delivery.id} and where the scheme
   * reads the id from (a header, or Stripe's event id in the body).
   */
  static Set<String> of(RouteGuard guard) {
    Set<String> keys = new TreeSet<>();
    guard.idempotency().ifPresent(key -> keys.add(path(key)));
    guard
        .authn()
        .filter(Authn::identifiesDeliveries)
        .ifPresent(
            authn -> {
              keys.add("inputs.delivery.id");
              switch (authn.scheme()) {
                case "standard-webhooks" -> {
                  keys.add("inputs.headers.webhook-id");
                  keys.add("inputs.headers.svix-id");
                }
                case "stripe" -> keys.add("inputs.body.id");
                case "github" -> keys.add("inputs.headers.x-github-delivery");
                default ->
                    keys.add(
                        "inputs.headers."
                            + authn.options().get("id_header").toLowerCase(Locale.ROOT));
              }
            });
    return keys;
  }

  private static String path(Idempotency key) {
    String source = key.source();
    List<String> names = new ArrayList<>();
    key.path()
        .forEach(
            name -> names.add(source.equals("headers") ? name.toLowerCase(Locale.ROOT) : name));
    return "inputs." + source + "." + String.join(".", names);
  }

  /** Every {@code inputs} path that the expressions of {@code text} read, normalised. */
  static List<String> read(String text) {
    List<String> paths = new ArrayList<>();
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String code = normalise(expression.group(1));
      Matcher path = PATH.matcher(code);
      while (path.find()) {
        paths.add(path.group().replace("\u0000", ""));
      }
    }
    return paths;
  }

  /**
   * Brackets with a string become dots (the name between two NULs, so that it may hold any
   * character), spaces around dots go, and names under {@code inputs.headers} are lower-cased.
   */
  private static String normalise(String code) {
    Matcher bracket = BRACKET.matcher(code);
    StringBuilder out = new StringBuilder();
    while (bracket.find()) {
      String name = bracket.group(1) != null ? bracket.group(1) : bracket.group(2);
      bracket.appendReplacement(
          out, Matcher.quoteReplacement(".\u0000" + name.replace("\u0000", "") + "\u0000"));
    }
    bracket.appendTail(out);
    String dotted = DOTS.matcher(out).replaceAll(".");
    Matcher headers =
        Pattern.compile("inputs\\.headers\\.(\\u0000[^\\u0000]*\\u0000|[\\w$-]+)").matcher(dotted);
    StringBuilder lower = new StringBuilder();
    while (headers.find()) {
      headers.appendReplacement(
          lower,
          Matcher.quoteReplacement("inputs.headers." + headers.group(1).toLowerCase(Locale.ROOT)));
    }
    headers.appendTail(lower);
    return lower.toString();
  }

  /** Whether reading {@code path} reads the key at {@code key}. */
  static boolean reads(String path, String key) {
    return path.equals(key) || within(key, path) || within(path, key);
  }

  /**
   * Whether {@code inner} is a part of {@code outer}: {@code inputs.body.id} of {@code
   * inputs.body}.
   */
  static boolean within(String inner, String outer) {
    return inner.startsWith(outer)
        && inner.length() > outer.length()
        && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '-');
  }
}
