package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.check.ConstructorArgument;
import dev.hookc.compiler.check.FunctionConstructors;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.JavaFunctionClass;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract between workflows and a Java function the user writes, worked out from every task
 * that calls it: the typed arguments of its generated record ({@code ValidateCallbackDataArgs}),
 * which its generated interface ({@code ValidateCallbackDataFunction}) takes.
 *
 * @param function the function as resolved
 * @param components each argument's name and type, in the order the calls first pass them; a name
 *     passed with different types is dynamic
 * @param callers the calling tasks, {@code workflow.task}, in the order the workflows are bound
 * @param datasources the project's datasources, which its constructor's parameters may take
 * @param packageName the generated code's package, where the typed statements classes are
 */
public record BoundJavaFunction(
    ResolvedFunction.JavaFunction function,
    Map<String, ExprType> components,
    List<String> callers,
    List<Datasource> datasources,
    String packageName) {

  public BoundJavaFunction {
    components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    callers = List.copyOf(callers);
    datasources = List.copyOf(datasources);
  }

  /** How a task reads what the function returns, by the type its class declares. */
  public JavaFunctionClass.ResultRule resultRule() {
    return function
        .source()
        .map(JavaFunctionClass::resultRule)
        .orElse(JavaFunctionClass.ResultRule.GODSPEED);
  }

  /**
   * What the generated code passes to the constructor of the user's class, in order: nothing for a
   * class without constructors, or not written yet.
   */
  public List<ConstructorArgument> constructorArguments() {
    return function
        .source()
        .flatMap(source -> FunctionConstructors.arguments(source, datasources, packageName))
        .orElse(List.of());
  }

  /** The generated interface the user's class implements. */
  public ClassName interfaceName() {
    return ClassName.get(function.packageName(), function.className() + "Function");
  }

  /** The generated record of the function's arguments. */
  public ClassName argsName() {
    return ClassName.get(function.packageName(), function.className() + "Args");
  }

  /** The user's class. */
  public ClassName implementationName() {
    return ClassName.get(function.packageName(), function.className());
  }
}
