package dev.hookc.runtime;

import java.util.Objects;

/**
 * One way a request (or response) breaks its contract, as listed in a problem body's {@code
 * errors}: where (a JSON Pointer into the document, {@code ""} for the whole of it), which schema
 * keyword, and a message for people.
 *
 * @param in the part of the request the pointer points into: {@code body} (also for a response's
 *     document), or a parameter's {@code path}, {@code query}, {@code header} or {@code cookie}
 */
public record Violation(String pointer, String keyword, String message, String in) {

  /** The part of a request a violation is in when nothing else is said: its body. */
  public static final String BODY = "body";

  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(in, "in");
  }

  /** A violation in a document: a body, or a response. */
  public Violation(String pointer, String keyword, String message) {
    this(pointer, keyword, message, BODY);
  }
}
