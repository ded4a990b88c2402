package dev.hookc.compiler.schema;

import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlSequence;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each schema resource and anchor of a document lives, by absolute URI, so that a {@code
 * $ref} is resolved the way JSON Schema resolves it: against the base URI set by the nearest {@code
 * $id}, then by JSON Pointer or {@code $anchor}.
 */
final class SchemaIndex {
  /** The base URI of a document that sets none with {@code $id}. */
  static final String DEFAULT_BASE = "hookc:/schema.json";

  private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9]\\d{0,8}");

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
    String fragment = hash < 0 ? "" : percentDecode(uri.substring(hash + 1));
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

  /** Follows an RFC 6901 JSON Pointer from {@code root}. */
  static Optional<YamlNode> navigate(YamlNode root, String pointer) {
    YamlNode current = root;
    if (pointer.isEmpty()) {
      return Optional.of(current);
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
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

  private static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
      if (c == '%' && high >= 0 && low >= 0) {
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i = end - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
