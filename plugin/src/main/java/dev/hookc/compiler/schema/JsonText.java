package dev.hookc.compiler.schema;

import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.math.BigDecimal;

/** Writes a YAML value as JSON, for literals embedded in generated code and for messages. */
final class JsonText {
  private JsonText() {}

  /** The value as compact JSON. */
  static String of(YamlNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  /** The value for people: like JSON, but strings without quotes at the top level. */
  static String display(YamlNode node) {
    if (node instanceof YamlScalar scalar && scalar.type() == ScalarType.STRING) {
      return scalar.value();
    }
    return of(node);
  }

  private static void write(YamlNode node, StringBuilder out) {
    if (node instanceof YamlMapping mapping) {
      out.append('{');
      for (int i = 0; i < mapping.entries().size(); i++) {
        YamlMapping.Entry entry = mapping.entries().get(i);
        out.append(i == 0 ? "" : ",");
        string(entry.key().value(), out);
        out.append(':');
        write(entry.value(), out);
      }
      out.append('}');
    } else if (node instanceof YamlSequence sequence) {
      out.append('[');
      for (int i = 0; i < sequence.items().size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(sequence.items().get(i), out);
      }
      out.append(']');
    } else {
      scalar((YamlScalar) node, out);
    }
  }

  private static void scalar(YamlScalar scalar, StringBuilder out) {
    switch (scalar.type()) {
      case NULL -> out.append("null");
      case BOOLEAN -> out.append(scalar.value());
      case INTEGER, FLOAT -> out.append(number(scalar.value()));
      default -> string(scalar.value(), out);
    }
  }

  private static String number(String yaml) {
    try {
      return new BigDecimal(yaml.replace("_", "")).toString();
    } catch (NumberFormatException e) {
      return "null";
    }
  }

  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
