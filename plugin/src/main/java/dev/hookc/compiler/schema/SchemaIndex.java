package dev.hookc.compiler.schema;

import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlSequence;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each schema resource and anchor of a document lives, by absolute URI, so that a {@code
 * $ref} is resolved the way JSON Schema resolves it: against the base URI set by the nearest {@code
 * $id}, then by JSON Pointer or {@code $anchor}.
 */
public final class SchemaIndex {
  private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9]\\d{0,8}");

  /** The base URI of a document that sets none with {@code $id}. */
  static final String DEFAULT_BASE = "hookc:/schema.json";

  private final Map<String, YamlNode> resources = new HashMap<>();
  private final Map<String, YamlNode> anchors = new HashMap<>();

  void addResource(String uri, YamlNode node) {
    resources.putIfAbsent(withoutFragment(uri), node);
  }

  void addAnchor(String base, String anchor, YamlNode node) {
    anchors.putIfAbsent(withoutFragment(base) + "#" + anchor, node);
  }

  boolean hasResource(String uri) {
    return resources.containsKey(withoutFragment(uri));
  }

  /** The node an absolute URI with an optional fragment names, if the index has it. */
  Optional<YamlNode> lookup(String uri) {
    int hash = uri.indexOf('#');
    String resource = hash < 0 ? uri : uri.substring(0, hash);
    String fragment = hash < 0 ? "" : JsonPointers.percentDecode(uri.substring(hash + 1));
    YamlNode root = resources.get(resource);
    if (root == null) {
      return Optional.empty();
    }
    if (fragment.isEmpty()) {
      return Optional.of(root);
    }
    if (fragment.startsWith("/")) {
      return navigate(root, fragment);
    }
    return Optional.ofNullable(anchors.get(resource + "#" + fragment));
  }

  /** Follows an RFC 6901 JSON Pointer from {@code root}: empty when it leads nowhere. */
  public static Optional<YamlNode> navigate(YamlNode root, String pointer) {
    YamlNode current = root;
    if (pointer.isEmpty()) {
      return Optional.of(current);
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = JsonPointers.unescape(raw);
      if (current instanceof YamlMapping mapping) {
        Optional<YamlNode> next = mapping.get(token);
        if (next.isEmpty()) {
          return Optional.empty();
        }
        current = next.get();
      } else if (current instanceof YamlSequence sequence && ARRAY_INDEX.matcher(token).matches()) {
        int index = Integer.parseInt(token);
        if (index >= sequence.items().size()) {
          return Optional.empty();
        }
        current = sequence.items().get(index);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** Resolves a URI reference against a base, as RFC 3986 does (opaque URNs included). */
  static String resolve(String base, String reference) {
    if (reference.startsWith("#")) {
      return withoutFragment(base) + reference;
    }
    try {
      URI ref = new URI(reference);
      if (ref.isAbsolute()) {
        return reference;
      }
      URI baseUri = new URI(withoutFragment(base));
      return baseUri.isOpaque() ? reference : baseUri.resolve(ref).toString();
    } catch (URISyntaxException e) {
      return withoutFragment(base) + "#" + reference;
    }
  }

  static String withoutFragment(String uri) {
    int hash = uri.indexOf('#');
    return hash < 0 ? uri : uri.substring(0, hash);
  }

  /** The reference token for a member name, escaped per RFC 6901. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
