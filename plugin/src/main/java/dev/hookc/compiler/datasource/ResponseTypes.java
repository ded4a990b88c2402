package dev.hookc.compiler.datasource;

import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The type of an http call's {@code data} from its operation's {@code response} schema (already
 * checked by the schema reader): objects with {@code properties} and arrays of them are typed,
 * everything the schema leaves open is dynamic. An object is closed (a misspelt field is an error)
 * only with {@code additionalProperties: false}, as for request bodies.
 */
public final class ResponseTypes {
  private ResponseTypes() {}

  /** The type of {@code data}: an object or a list; dynamic for anything else. */
  public static ExprType data(YamlNode schema) {
    ExprType type = of(schema, 0);
    return type instanceof ExprType.ObjectType || type instanceof ExprType.ListType
        ? type
        : ExprType.DYNAMIC;
  }

  private static ExprType of(YamlNode schema, int depth) {
    if (!(schema instanceof YamlMapping mapping) || depth > 16) {
      return ExprType.DYNAMIC;
    }
    switch (text(mapping, "type").orElse("")) {
      case "string":
        return ExprType.STRING;
      case "integer":
        return ExprType.INTEGER;
      case "number":
        return ExprType.NUMBER;
      case "boolean":
        return ExprType.BOOLEAN;
      case "array":
        ExprType item = mapping.get("items").map(i -> of(i, depth + 1)).orElse(ExprType.DYNAMIC);
        // Items are read from the JSON array as JSON: objects keep their fields, scalars too.
        return item instanceof ExprType.ObjectType ? new ExprType.ListType(item) : ExprType.DYNAMIC;
      case "object":
        Optional<YamlNode> properties = mapping.get("properties");
        if (!(properties.orElse(null) instanceof YamlMapping declared)) {
          return ExprType.DYNAMIC;
        }
        Map<String, ExprType> fields = new LinkedHashMap<>();
        for (YamlMapping.Entry entry : declared.entries()) {
          ExprType field = of(entry.value(), depth + 1);
          fields.put(
              entry.key().value(), field instanceof ExprType.ListType ? ExprType.DYNAMIC : field);
        }
        boolean closed = text(mapping, "additionalProperties").filter("false"::equals).isPresent();
        return new ExprType.ObjectType(
            fields, closed ? ExprType.Openness.CLOSED : ExprType.Openness.UNCHECKED);
      default:
        return ExprType.DYNAMIC;
    }
  }

  private static Optional<String> text(YamlMapping mapping, String key) {
    return mapping.get(key).filter(YamlScalar.class::isInstance).map(n -> ((YamlScalar) n).value());
  }
}
