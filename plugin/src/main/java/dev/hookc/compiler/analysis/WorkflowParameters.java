package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.EventContract;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.TextConversion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The types of {@code inputs.params}, {@code inputs.query}, {@code inputs.headers} and {@code
 * inputs.cookies} in each workflow: objects whose declared parameters have their schema's type
 * (open ones, but for cookies), when every event that runs the workflow declares the same ones;
 * otherwise dynamic. A parameter of several types ({@code [integer, string]}) is dynamic.
 */
final class WorkflowParameters {
  /** The inputs that hold parameters, and the {@code in} each one holds. */
  static final Map<String, String> SECTIONS =
      Map.of("params", "path", "query", "query", "headers", "header", "cookies", "cookie");

  private WorkflowParameters() {}

  /** By workflow id, the type of each of {@link #SECTIONS}; absent ones are dynamic. */
  static Map<String, Map<String, ExprType>> of(Project project, FunctionTable functions) {
    Map<String, Optional<Map<String, ExprType>>> seen = new LinkedHashMap<>();
    for (Event event : project.events()) {
      Optional<String> workflow =
          event
              .fn()
              .flatMap(fn -> functions.resolve(fn.name()))
              .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
              .map(f -> ((ResolvedFunction.WorkflowFunction) f).workflow().id());
      if (workflow.isEmpty()) {
        continue;
      }
      Map<String, ExprType> types = types(event.contract());
      seen.merge(workflow.get(), Optional.of(types), (a, b) -> a.equals(b) ? a : Optional.empty());
    }
    Map<String, Map<String, ExprType>> result = new LinkedHashMap<>();
    seen.forEach((id, types) -> types.ifPresent(t -> result.put(id, t)));
    return result;
  }

  /** The type of each of {@link #SECTIONS} in the workflow of an event with {@code contract}. */
  static Map<String, ExprType> types(EventContract contract) {
    Map<String, ExprType> sections = new LinkedHashMap<>();
    SECTIONS.forEach(
        (section, in) -> {
          Map<String, ExprType> fields = new LinkedHashMap<>();
          for (EventContract.TypedParameter typed : contract.parameters()) {
            if (typed.parameter().in().equals(in)) {
              String name = typed.parameter().name();
              fields.put(
                  in.equals("header") ? name.toLowerCase(Locale.ROOT) : name,
                  type(typed.conversion()));
            }
          }
          // Only declared cookies reach the workflow, so reading any other is a mistake; the
          // other sections keep what was sent besides the declared parameters.
          sections.put(
              section,
              new ExprType.ObjectType(
                  fields, in.equals("cookie") ? ExprType.Openness.CLOSED : ExprType.Openness.OPEN));
        });
    return sections;
  }

  private static ExprType type(TextConversion conversion) {
    List<TextConversion.Kind> kinds = new ArrayList<>(conversion.kinds());
    // A null read from a typed value is null already; what matters is the one other type.
    if (kinds.size() > 1) {
      kinds.remove(TextConversion.Kind.NULL);
    }
    ExprType item;
    if (kinds.size() > 1) {
      item = ExprType.DYNAMIC;
    } else {
      switch (kinds.get(0)) {
        case INTEGER:
          item = ExprType.INTEGER;
          break;
        case NUMBER:
          item = ExprType.NUMBER;
          break;
        case BOOLEAN:
          item = ExprType.BOOLEAN;
          break;
        case NULL:
          item = ExprType.DYNAMIC;
          break;
        default:
          item = ExprType.STRING;
      }
    }
    return conversion.array() ? new ExprType.ListType(item) : item;
  }
}
