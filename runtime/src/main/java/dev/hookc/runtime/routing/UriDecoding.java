package dev.hookc.runtime.routing;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.json.Problems;
import dev.hookc.runtime.json.Utf8;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percent-decoding of request paths and query strings, strict about malformed input. */
public final class UriDecoding {

  private UriDecoding() {}

  /** The decoded segments of a raw request path; a 400 problem if an escape is malformed. */
  public static List<String> pathSegments(String rawPath) {
    List<String> segments = PathTemplate.split(rawPath);
    for (int i = 0; i < segments.size(); i++) {
      segments.set(i, decode(segments.get(i), false));
    }
    return segments;
  }

  /** The decoded parameters of a raw query string, keeping every value of repeated keys. */
  public static Map<String, List<String>> query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    params.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(params);
  }

  public static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0) {
      return plusIsSpace ? raw.replace('+', ' ') : raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    int run = 0; // start of the pending run of unescaped characters
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) != '%') {
        continue;
      }
      if (i + 2 >= raw.length()) {
        throw malformed();
      }
      int hi = Character.digit(raw.charAt(i + 1), 16);
      int lo = Character.digit(raw.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        throw malformed();
      }
      bytes.writeBytes(unescaped(raw.substring(run, i), plusIsSpace));
      bytes.write(hi * 16 + lo);
      i += 2;
      run = i + 1;
    }
    bytes.writeBytes(unescaped(raw.substring(run), plusIsSpace));
    try {
      return Utf8.decode(bytes.toByteArray());
    } catch (CharacterCodingException e) {
      throw malformed();
    }
  }

  private static byte[] unescaped(String run, boolean plusIsSpace) {
    return (plusIsSpace ? run.replace('+', ' ') : run).getBytes(StandardCharsets.UTF_8);
  }

  private static HttpProblem malformed() {
    return Problems.badRequest("malformed percent-encoding in the request URI");
  }
}
