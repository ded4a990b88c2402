package dev.hookc.compiler.analysis;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprCode;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.expr.Scope;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The inputs of a workflow that tasks call, as Godspeed has them: a calling task's {@code args} are
 * the callee's {@code inputs}. Each key has the type of what every caller passes for it (and what
 * the events it handles send), and may be absent unless every one passes it; two callers passing
 * one key with incompatible types is an error at the second one's {@code args}. hookc's {@code
 * args: {body: ...}} is the case whose keys are a request's parts.
 */
final class CalledInputs {
  /** The inputs that are a request's parts, which the inputs record always has accessors for. */
  static final List<String> PARTS =
      List.of("body", "params", "query", "headers", "user", "cookies", "raw_body", "delivery");

  /** Names that a passed key's accessor cannot take: the record's own members and Object's. */
  private static final Set<String> TAKEN =
      Names.withObjectMethods(
          "body",
          "parts",
          "args",
          "params",
          "query",
          "headers",
          "user",
          "cookies",
          "rawBody",
          "delivery",
          "toJson",
          "fromJson");

  /** One task that calls the workflow, as its caller compiled it. */
  record Call(Workflow caller, CompiledTask task) {}

  /**
   * The inputs of a called workflow.
   *
   * @param type the type of {@code inputs} in its expressions
   * @param passed what its callers pass beyond a request's parts, for its inputs record
   * @param unpassed why an input it reads is not there, by name
   */
  record Typed(
      ExprType.PojoType type,
      PassedInputs passed,
      Function<String, Optional<Scope.Unpassed>> unpassed) {}

  /** One key passed so far: its type, and who first passed it, for messages. */
  private record Key(ExprType type, String source, Optional<ExprType.PojoType.Property> sent) {}

  private final Diagnostics diagnostics;

  CalledInputs(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The inputs of {@code callee}, named {@code inputsClass}, which {@code calls} call and {@code
   * served} run with the inputs {@code sent} (empty when no event runs it).
   */
  Typed type(
      Workflow callee,
      ClassName inputsClass,
      Optional<ExprType.PojoType> sent,
      List<Event> served,
      List<Call> calls) {
    Map<String, Key> keys = new LinkedHashMap<>();
    sent.ifPresent(
        type -> {
          String source = "event " + served.get(0).key() + " (" + served.get(0).where() + ")";
          type.properties()
              .forEach((n, p) -> keys.put(n, new Key(p.type(), source, Optional.of(p))));
        });
    boolean open = false;
    List<String> callers = new ArrayList<>();
    for (Call call : calls) {
      callers.add(call.caller().id() + "." + call.task().task().id());
      Task task = call.task().task();
      if (task.args().isEmpty()) {
        continue;
      }
      Optional<CompiledValue> args = call.task().args();
      Map<String, ExprType> passed = new LinkedHashMap<>();
      if (args.isEmpty() || args.get().type() instanceof ExprType.DynamicType) {
        // Args of unknown shape (or that did not compile) may pass any key, of any type.
        open = true;
      } else if (args.get().type() instanceof ExprType.ObjectType object) {
        open |= object.openness().admitsOthers();
        passed.putAll(object.fields());
      } else if (args.get().type() instanceof ExprType.PojoType pojo) {
        open |= pojo.openness().admitsOthers();
        pojo.properties().forEach((n, p) -> passed.put(n, p.type()));
      }
      passed.forEach((name, type) -> pass(callee, call, name, InputTypes.passed(type), keys));
    }
    Map<String, ExprType.PojoType.Property> properties = new LinkedHashMap<>();
    Map<String, ExprType.PojoType.Property> beyondParts = new LinkedHashMap<>();
    Set<String> getters = new HashSet<>();
    for (Map.Entry<String, Key> entry : keys.entrySet()) {
      String name = entry.getKey();
      Key key = entry.getValue();
      ExprType type = open ? ExprType.DYNAMIC : key.type();
      ExprType.PojoType.Property property;
      if (key.sent().filter(p -> p.unavailable().isPresent()).isPresent()) {
        property = key.sent().get();
      } else if (PARTS.contains(name)) {
        property = new ExprType.PojoType.Property(name, partType(name, type), getter(name), false);
      } else {
        property =
            new ExprType.PojoType.Property(
                name, InputTypes.passed(type), accessor(name, getters), false);
        beyondParts.put(name, property);
      }
      properties.put(name, property);
    }
    // A caller of unknown shape may pass any key: it reads as any, without a diagnostic.
    ExprType.PojoType type =
        new ExprType.PojoType(
            inputsClass, properties, open ? ExprType.Openness.UNCHECKED : ExprType.Openness.CLOSED);
    return new Typed(
        type,
        new PassedInputs(callers, beyondParts),
        name -> Optional.of(unpassed(callee, name, keys.keySet(), served, calls)));
  }

  /** Records that {@code call} passes {@code name} of {@code type}, reporting a conflict. */
  private void pass(Workflow callee, Call call, String name, ExprType type, Map<String, Key> keys) {
    Task task = call.task().task();
    Location at = keyLocation(task, name);
    Key known = keys.get(name);
    String source =
        "task '" + task.id() + "' of workflow '" + call.caller().id() + "' (" + at + ")";
    if (known == null) {
      keys.put(name, new Key(type, source, Optional.empty()));
      return;
    }
    StringBuilder path = new StringBuilder();
    Optional<ExprType> both = InputTypes.common(known.type(), type, path);
    if (both.isPresent()) {
      keys.put(name, new Key(both.get(), known.source(), known.sent()));
      return;
    }
    String what =
        path.isEmpty()
            ? "'"
                + name
                + "' as "
                + InputTypes.described(type)
                + ", but "
                + known.source()
                + " passes "
                + InputTypes.described(known.type())
            : "'" + name + path + "' of another type than " + known.source() + " passes";
    diagnostics.report(
        ExprCode.INPUT_TYPE_CONFLICT,
        at,
        "task '" + task.id() + "' passes workflow '" + callee.id() + "' input " + what,
        "pass '" + name + "' with one type from every caller; the other is " + known.source());
  }

  /** Where {@code task} passes {@code name}: the value of its key, or its whole {@code args}. */
  private static Location keyLocation(Task task, String name) {
    YamlNode args = task.args().get();
    if (args instanceof YamlMapping mapping) {
      return mapping.get(name).map(YamlNode::location).orElse(args.location());
    }
    return args.location();
  }

  /** The type of a request part as its accessor returns it: text for raw_body, else JSON. */
  private static ExprType partType(String name, ExprType type) {
    if (name.equals("raw_body")) {
      return ExprType.STRING;
    }
    return type instanceof ExprType.ObjectType ? type : ExprType.DYNAMIC;
  }

  private static String getter(String part) {
    return FunctionNames.lowerCamel(part);
  }

  /** A Java name for a passed key's accessor that no other member of the record has. */
  private static String accessor(String name, Set<String> getters) {
    String getter = FunctionNames.lowerCamel(name);
    if (TAKEN.contains(getter) || getters.contains(getter)) {
      getter = "input" + FunctionNames.upperCamel(name);
    }
    String unique = getter;
    for (int i = 2; TAKEN.contains(unique) || getters.contains(unique); i++) {
      unique = getter + i;
    }
    getters.add(unique);
    return unique;
  }

  private static Scope.Unpassed unpassed(
      Workflow callee, String name, Set<String> passed, List<Event> served, List<Call> calls) {
    String message =
        served.isEmpty()
            ? "no task calling workflow '" + callee.id() + "' passes '" + name + "' in its args"
            : "neither the events that workflow '"
                + callee.id()
                + "' handles nor the tasks calling it pass '"
                + name
                + "'";
    Optional<String> similar = Suggestions.didYouMean(name, passed);
    if (similar.isPresent()) {
      return new Scope.Unpassed(message, similar.get());
    }
    if (!passed.isEmpty()) {
      return new Scope.Unpassed(message, "its inputs: " + String.join(", ", passed));
    }
    Task first = calls.get(0).task().task();
    return new Scope.Unpassed(
        message,
        "pass it from task '"
            + first.id()
            + "' of workflow '"
            + calls.get(0).caller().id()
            + "': args: {"
            + name
            + ": ...}");
  }
}
