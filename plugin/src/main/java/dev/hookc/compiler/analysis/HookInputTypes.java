package dev.hookc.compiler.analysis;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.naming.FunctionNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a validation-error hook as its expressions see them: the request as sent (raw JSON,
 * since it did not validate), {@code inputs.validation_error}, and for a response hook {@code
 * inputs.response}.
 */
public final class HookInputTypes {
  /** One violation in {@code inputs.validation_error.errors}. */
  public static final ExprType ERROR =
      new ExprType.ObjectType(
          fields(
              "pointer", ExprType.STRING,
              "keyword", ExprType.STRING,
              "message", ExprType.STRING,
              "in", ExprType.STRING));

  /** {@code inputs.validation_error}: the problem the client would get without the hook. */
  public static final ExprType VALIDATION_ERROR =
      new ExprType.ObjectType(
          fields(
              "status", ExprType.INTEGER,
              "title", ExprType.STRING,
              "detail", ExprType.STRING,
              "errors", new ExprType.ListType(ERROR),
              "error_count", ExprType.INTEGER));

  /** {@code inputs.response}: the status the workflow returned, which broke its schema. */
  public static final ExprType RESPONSE =
      new ExprType.ObjectType(
          fields("code", ExprType.INTEGER, "data", ExprType.DYNAMIC, "headers", ExprType.DYNAMIC));

  private HookInputTypes() {}

  /** The JSON names of the inputs, in the record's order, with their types. */
  public static Map<String, ExprType> inputs(ValidationHook.Kind kind) {
    Map<String, ExprType> inputs = new LinkedHashMap<>();
    for (String name : List.of("body", "params", "query", "headers", "user")) {
      inputs.put(name, ExprType.DYNAMIC);
    }
    inputs.put("validation_error", VALIDATION_ERROR);
    if (kind == ValidationHook.Kind.RESPONSE) {
      inputs.put("response", RESPONSE);
    }
    return inputs;
  }

  /** The type of {@code inputs} in the hook's expressions. */
  static ExprType type(ClassName inputs, ValidationHook.Kind kind) {
    Map<String, ExprType.PojoType.Property> properties = new LinkedHashMap<>();
    inputs(kind)
        .forEach(
            (name, type) ->
                properties.put(
                    name,
                    new ExprType.PojoType.Property(
                        name, type, FunctionNames.lowerCamel(name), true)));
    return new ExprType.PojoType(inputs, properties, ExprType.Openness.CLOSED);
  }

  private static Map<String, ExprType> fields(Object... namesAndTypes) {
    Map<String, ExprType> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.put((String) namesAndTypes[i], (ExprType) namesAndTypes[i + 1]);
    }
    return fields;
  }
}
