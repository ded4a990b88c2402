package dev.hookc.compiler.model;

import java.util.Locale;
import java.util.Optional;

/** The HTTP methods an event can listen to. */
public enum HttpMethod {
  GET,
  POST,
  PUT,
  PATCH,
  DELETE,
  HEAD,
  OPTIONS;

  /** The method named (in any case) by an event key, if it is one. */
  public static Optional<HttpMethod> parse(String name) {
    for (HttpMethod method : values()) {
      if (method.name().equalsIgnoreCase(name)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  /** The lower-case spelling used in event keys. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
