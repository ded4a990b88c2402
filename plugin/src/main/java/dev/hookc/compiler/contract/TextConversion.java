package dev.hookc.compiler.contract;

/**
 * How text sent as a parameter or form field is turned into its schema's type.
 *
 * @param kind the type of the value, or of each item of an array
 * @param array whether every value of a repeated parameter is taken, as an array
 */
public record TextConversion(Kind kind, boolean array) {
  /** Text kept as sent. */
  public static final TextConversion STRING = new TextConversion(Kind.STRING, false);

  /** The JSON types that text converts to. */
  public enum Kind {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN
  }
}
