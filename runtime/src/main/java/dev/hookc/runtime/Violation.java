package dev.hookc.runtime;

import java.util.Objects;

/**
 * One way a request (or response) breaks its contract, as listed in a problem body's {@code
 * errors}: where (a JSON Pointer into the document, {@code ""} for the whole of it), which schema
 * keyword, and a message for people.
 */
public record Violation(String pointer, String keyword, String message) {

  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(message, "message");
  }
}
