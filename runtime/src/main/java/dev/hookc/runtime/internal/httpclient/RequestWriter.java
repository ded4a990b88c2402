package dev.hookc.runtime.internal.httpclient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a call's target URI and headers. A path value always stays one segment, whatever it holds
 * ({@code ../}, {@code /}, {@code ?}), because values often come from a webhook's body, which a
 * stranger may have written: percent-encoding all but RFC 3986's unreserved characters keeps it
 * from reaching another path of the provider with the datasource's credentials.
 */
final class RequestWriter {
  /** Headers the JDK's client sets itself and refuses to take from a caller. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RequestWriter() {}

  /**
   * {@code base} (no trailing slash) followed by {@code template} with its {@code {name}} parts
   * filled from {@code values}, and the query string of {@code query}, its names in order.
   *
   * @throws IllegalArgumentException when a part of the template has no value, a value no part, a
   *     value cannot be a segment (empty, {@code .} or {@code ..}), or the result is no URI
   */
  static URI uri(
      String base, String template, Map<String, String> values, Map<String, List<String>> query) {
    StringBuilder uri = new StringBuilder(base.length() + template.length() + 32).append(base);
    if (!template.startsWith("/")) {
      uri.append('/');
    }
    Set<String> used = new HashSet<>();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int end = template.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("an unclosed { in the path " + template);
        }
        String name = template.substring(i + 1, end);
        String value = values.get(name);
        if (value == null) {
          throw new IllegalArgumentException("no value for {" + name + "} of the path " + template);
        }
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
          throw new IllegalArgumentException(
              "the value of {" + name + "} of the path " + template + " cannot be one segment");
        }
        encode(value, uri);
        used.add(name);
        i = end + 1;
      } else if (c == '}' || !pathCharacter(c)) {
        throw new IllegalArgumentException("not a valid path: " + template);
      } else {
        uri.append(c);
        i++;
      }
    }
    if (used.size() != values.size()) {
      List<String> extra = new ArrayList<>(values.keySet());
      extra.removeAll(used);
      throw new IllegalArgumentException(
          "the path " + template + " has no {" + String.join("}, {", extra) + "}");
    }
    char separator = '?';
    for (Map.Entry<String, List<String>> parameter : new TreeMap<>(query).entrySet()) {
      for (String value : parameter.getValue()) {
        if (value == null) {
          throw new IllegalArgumentException(
              "the query parameter " + parameter.getKey() + " is null");
        }
        uri.append(separator);
        encode(parameter.getKey(), uri);
        uri.append('=');
        encode(value, uri);
        separator = '&';
      }
    }
    try {
      return new URI(uri.toString());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a valid path: " + template, e);
    }
  }

  /**
   * The headers to send: {@code defaults}, then {@code call}'s, which replace a default of the same
   * name whatever its case.
   *
   * @throws IllegalArgumentException when a name is no token, a value holds a line break or another
   *     control character (which would let a value add headers), or a name is one the client sets
   */
  static Map<String, String> headers(Map<String, String> defaults, Map<String, String> call) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    defaults.forEach((name, value) -> headers.put(name, checked(name, value)));
    call.forEach(
        (name, value) -> {
          headers.remove(name);
          headers.put(name, checked(name, value));
        });
    return headers;
  }

  static String checked(String name, String value) {
    if (name.isEmpty() || !name.chars().allMatch(RequestWriter::tokenCharacter)) {
      throw new IllegalArgumentException("not a valid header name: " + name);
    }
    if (RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException("the header " + name + " is set by hookc, not by a call");
    }
    if (value == null) {
      throw new IllegalArgumentException("the header " + name + " has no value");
    }
    // The value itself is not shown: it may be a secret.
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        throw new IllegalArgumentException(
            "the value of the header " + name + " holds a line break or a control character");
      }
    }
    return value;
  }

  /** {@code value}'s UTF-8 bytes, all but the unreserved characters percent-encoded. */
  static void encode(String value, StringBuilder out) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }

  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    encode(value, out);
    return out.toString();
  }

  /** A character a path template may hold as it is: RFC 3986's pchar, '/' and '%' escapes. */
  private static boolean pathCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/%".indexOf(c) >= 0;
  }

  private static boolean tokenCharacter(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
