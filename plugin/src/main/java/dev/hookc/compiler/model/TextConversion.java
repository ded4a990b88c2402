package dev.hookc.compiler.model;

import java.util.EnumSet;
import java.util.List;

/**
 * How text sent as a parameter or form field is turned into its schema's type.
 *
 * @param kinds the types the value (or each item of an array) may take, in the order they are tried
 *     (the order of {@link Kind}); more than one for a schema such as {@code type: [integer,
 *     string]}
 * @param array whether every value of a repeated parameter is taken, as an array
 */
public record TextConversion(List<Kind> kinds, boolean array) {
  /** Text kept as sent. */
  public static final TextConversion STRING = new TextConversion(List.of(Kind.STRING), false);

  public TextConversion {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("a conversion needs a type");
    }
    // The runtime tries the types in this fixed order whatever the schema's order; keeping the
    // same order here makes the generated code say so and keeps it deterministic.
    kinds = List.copyOf(EnumSet.copyOf(kinds));
  }

  /** A conversion to one type. */
  public TextConversion(Kind kind, boolean array) {
    this(List.of(kind), array);
  }

  /** The JSON types that text converts to, in the order a list of types is tried. */
  public enum Kind {
    /** An empty text, as JSON {@code null}. */
    NULL,
    INTEGER,
    NUMBER,
    BOOLEAN,
    STRING
  }
}
