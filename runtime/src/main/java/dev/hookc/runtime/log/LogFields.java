package dev.hookc.runtime.log;

import java.util.Map;

/**
 * A log record's one parameter, with the message {@code "{0}"}, that carries fields of its own: the
 * JSON format writes them as keys of the line ({@code "status":200}), the text format writes its
 * {@link Object#toString()} as the message, so that text lines read as they always did.
 */
public interface LogFields {

  /** The JSON line's {@code message}: short, for a human reading the line. */
  String message();

  /**
   * The fields, in the order they are written: values are strings, numbers or booleans. A name that
   * the line already has ({@code time}, {@code requestId}, ...) is not written again.
   */
  Map<String, Object> fields();
}
