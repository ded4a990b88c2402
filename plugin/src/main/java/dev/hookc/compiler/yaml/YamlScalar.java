package dev.hookc.compiler.yaml;

import dev.hookc.compiler.diag.Location;
import java.util.Objects;

/**
 * A YAML scalar with its resolved type and a map from its characters back to the source, so that a
 * problem inside a {@code <% %>} expression can point at the offending token's column.
 */
public final class YamlScalar implements YamlNode {
  private final String value;
  private final ScalarType type;
  private final Location location;
  private final ScalarSource source;

  YamlScalar(String value, ScalarType type, Location location, ScalarSource source) {
    this.value = Objects.requireNonNull(value, "value");
    this.type = Objects.requireNonNull(type, "type");
    this.location = Objects.requireNonNull(location, "location");
    this.source = source;
  }

  /** A scalar made by code rather than read from a file, for tests and synthesized nodes. */
  public static YamlScalar of(String value, ScalarType type, Location location) {
    return new YamlScalar(value, type, location, null);
  }

  /** The scalar's text after YAML's unquoting and folding. */
  public String value() {
    return value;
  }

  /** Its type under YAML's core schema. */
  public ScalarType type() {
    return type;
  }

  @Override
  public Location location() {
    return location;
  }

  /**
   * The source location of the character at {@code offset} in {@link #value()}; the scalar's own
   * location when the character cannot be traced back (an escape sequence, say).
   */
  public Location locationAt(int offset) {
    return source == null ? location.plusColumns(Math.max(0, offset)) : source.locate(offset);
  }

  @Override
  public String kindName() {
    return type == ScalarType.STRING ? "string" : type.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof YamlScalar other
        && value.equals(other.value)
        && type == other.type
        && location.equals(other.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, type, location);
  }

  @Override
  public String toString() {
    return "YamlScalar[" + value + " @ " + location + "]";
  }
}
