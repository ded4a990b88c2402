package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.datasource.DatasourceCode;
import dev.hookc.compiler.datasource.ResponseTypes;
import dev.hookc.compiler.datasource.SqlType;
import dev.hookc.compiler.datasource.StatementShape;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.expr.ExpressionCompiler;
import dev.hookc.compiler.expr.Scope;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.naming.Durations;
import dev.hookc.compiler.yaml.DurationReader;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles and checks the {@code args} of datasource tasks: a statement's are exactly its named
 * parameters, each of a type its SQL type binds; an http call's are its request's parts, the path's
 * templates each with a value. Also checks what a transaction holds.
 */
final class DatasourceArgs {
  /** The keys of an http task's args; {@code params} is Godspeed's name of the query. */
  static final Set<String> HTTP_KEYS =
      Set.of("path", "params", "query", "data", "headers", "timeout");

  /** The named arg an http task's timeout is compiled into. */
  static final String TIMEOUT = "timeout";

  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]*)}");

  private final Diagnostics diagnostics;
  private final Map<String, Map<String, StatementShape>> statements;
  private final DurationReader durations;

  DatasourceArgs(Diagnostics diagnostics, Map<String, Map<String, StatementShape>> statements) {
    this.diagnostics = diagnostics;
    this.statements = statements;
    this.durations =
        new DurationReader(
            diagnostics, DurationReader.BareUnit.MILLISECONDS, DatasourceCode.BAD_ARGS);
  }

  /** What the build-time check found of the statement a task runs, if it accepted it. */
  Optional<StatementShape> shape(ResolvedFunction.DatasourceTask task) {
    return Optional.ofNullable(statements.get(task.datasource().name()))
        .map(s -> s.get(task.operation()));
  }

  /** The type of an http call's data, from its declared operation's response schema. */
  static Optional<ExprType> httpData(ResolvedFunction.DatasourceTask task) {
    if (!(task.datasource() instanceof Datasource.Http http)) {
      return Optional.empty();
    }
    return Optional.ofNullable(http.operations().get(task.operation()))
        .flatMap(Datasource.HttpOperation::response)
        .map(ResponseTypes::data)
        .filter(type -> !(type instanceof ExprType.DynamicType));
  }

  /** A statement task's args, compiled by parameter name and checked against its parameters. */
  Map<String, CompiledValue> statement(
      Task task, ResolvedFunction.DatasourceTask fn, Scope scope, ExpressionCompiler expressions) {
    Map<String, CompiledValue> named = new LinkedHashMap<>();
    Optional<YamlMapping> args = mapping(task, "a statement's args map each :parameter to a value");
    if (task.args().isPresent() && args.isEmpty()) {
      return named;
    }
    Optional<StatementShape> shape = shape(fn);
    Map<String, SqlType> parameters = shape.map(StatementShape::parameters).orElse(Map.of());
    for (YamlMapping.Entry entry : args.map(YamlMapping::entries).orElse(List.of())) {
      String name = entry.key().value();
      Optional<CompiledValue> value = expressions.compile(entry.value(), scope);
      value.ifPresent(v -> named.put(name, v));
      if (shape.isEmpty()) {
        continue;
      }
      SqlType type = parameters.get(name);
      if (type == null) {
        diagnostics.report(
            DatasourceCode.UNKNOWN_PARAMETER,
            entry.key().location(),
            "statement '" + fn.operation() + "' has no parameter :" + name,
            Suggestions.didYouMean(name, parameters.keySet())
                .orElse(parametersHint(parameters.keySet())));
      } else if (value.isPresent() && !type.binds(value.get().type())) {
        diagnostics.report(
            DatasourceCode.PARAMETER_TYPE,
            entry.value().location(),
            "parameter :"
                + name
                + " of statement '"
                + fn.operation()
                + "' takes "
                + type.accepts()
                + ", found "
                + value.get().type().withArticle(),
            "convert the value in the expression, or change the column's type");
      }
    }
    if (shape.isPresent()) {
      Set<String> missing = new LinkedHashSet<>(parameters.keySet());
      args.ifPresent(a -> missing.removeAll(a.keys()));
      if (!missing.isEmpty()) {
        Location at = args.map(YamlMapping::location).orElse(task.fn().get().node().location());
        diagnostics.report(
            DatasourceCode.MISSING_PARAMETER,
            at,
            "statement '"
                + fn.operation()
                + "' needs a value for "
                + String.join(", ", missing.stream().map(p -> ":" + p).toList()),
            "add them to args: "
                + String.join(", ", missing.stream().map(p -> p + ": ...").toList()));
      }
    }
    return named;
  }

  /**
   * An http task's args, compiled by part ({@code path}, {@code query} for {@code params} too,
   * {@code headers}, {@code data}; {@code timeout} as a {@code Duration} literal).
   */
  Map<String, CompiledValue> http(
      Task task, ResolvedFunction.DatasourceTask fn, Scope scope, ExpressionCompiler expressions) {
    Map<String, CompiledValue> named = new LinkedHashMap<>();
    Optional<YamlMapping> args = mapping(task, "an http call's args: path, params, data, headers");
    Set<String> templates = new LinkedHashSet<>();
    Matcher template = TEMPLATE.matcher(fn.path().orElse(""));
    while (template.find()) {
      templates.add(template.group(1));
    }
    Optional<YamlMapping> path = Optional.empty();
    for (YamlMapping.Entry entry : args.map(YamlMapping::entries).orElse(List.of())) {
      String key = entry.key().value();
      if (!HTTP_KEYS.contains(key)) {
        diagnostics.report(
            DatasourceCode.BAD_ARGS,
            entry.key().location(),
            "unknown http call arg '" + key + "'",
            Suggestions.keyHint(key, HTTP_KEYS));
        continue;
      }
      if (key.equals(TIMEOUT)) {
        durations
            .read(entry.value(), "timeout")
            .ifPresent(
                d ->
                    named.put(
                        TIMEOUT, new CompiledValue(ExprType.DYNAMIC, Durations.code(d), Set.of())));
        continue;
      }
      if (key.equals("path")) {
        if (entry.value() instanceof YamlMapping mapping) {
          path = Optional.of(mapping);
        } else {
          diagnostics.report(
              DatasourceCode.BAD_ARGS,
              entry.value().location(),
              "'path' must map each {template} of the path to its value");
          continue;
        }
      }
      if (key.equals("query") && args.get().get("params").isPresent()) {
        diagnostics.report(
            DatasourceCode.BAD_ARGS,
            entry.key().location(),
            "'query' and 'params' both set the query string",
            "keep one of them");
        continue;
      }
      // A path template's value must exist: the call cannot be made without it.
      (key.equals("path")
              ? expressions.compileRequired(entry.value(), scope, "a path template's value")
              : expressions.compile(entry.value(), scope))
          .ifPresent(v -> named.put(key.equals("params") ? "query" : key, v));
    }
    Set<String> given = new LinkedHashSet<>();
    path.ifPresent(
        p -> {
          for (YamlMapping.Entry entry : p.entries()) {
            given.add(entry.key().value());
            if (!templates.contains(entry.key().value())) {
              diagnostics.report(
                  DatasourceCode.PATH_TEMPLATE,
                  entry.key().location(),
                  "the path " + fn.path().get() + " has no {" + entry.key().value() + "}",
                  Suggestions.didYouMean(entry.key().value(), templates).orElse(null));
            }
          }
        });
    Set<String> missing = new LinkedHashSet<>(templates);
    missing.removeAll(given);
    if (!missing.isEmpty()) {
      YamlNode at = path.<YamlNode>map(p -> p).orElse(task.fn().get().node());
      diagnostics.report(
          DatasourceCode.PATH_TEMPLATE,
          at.location(),
          "the path "
              + fn.path().get()
              + " needs a value for "
              + String.join(", ", missing.stream().map(m -> "{" + m + "}").toList()),
          "add args.path: {"
              + String.join(", ", missing.stream().map(m -> m + ": ...").toList())
              + "}");
    }
    return named;
  }

  private Optional<YamlMapping> mapping(Task task, String expected) {
    if (task.args().isEmpty()) {
      return Optional.empty();
    }
    if (task.args().get() instanceof YamlMapping mapping) {
      return Optional.of(mapping);
    }
    diagnostics.report(
        DatasourceCode.BAD_ARGS,
        task.args().get().location(),
        "the args of " + task.fnName() + " must be a mapping",
        expected);
    return Optional.empty();
  }

  /**
   * Reports the tasks a transaction cannot hold: parallel ones (the transaction is bound to its
   * thread), http calls and other datasources' statements (they are not part of it), and calls of
   * workflows, whose tasks are not checked here.
   */
  void transaction(ResolvedFunction.DatasourceTask transaction, List<CompiledTask> tasks) {
    for (CompiledTask task : tasks) {
      String why = null;
      switch (task.kind()) {
        case PARALLEL:
        case EACH_PARALLEL:
          why = "its tasks would run on other threads, outside the transaction";
          break;
        case HTTP:
          why = "an http call is not part of a database transaction; call it before or after";
          break;
        case PUBLISH:
          why = "a Kafka record is not part of a database transaction; publish after it committed";
          break;
        case WORKFLOW:
          why = "a workflow's tasks are not checked to fit in a transaction; inline them";
          break;
        case QUERY:
        case UPDATE:
        case TRANSACTION:
          ResolvedFunction.DatasourceTask other =
              (ResolvedFunction.DatasourceTask) task.function().get();
          if (!other.datasource().name().equals(transaction.datasource().name())) {
            why =
                "it runs on datasource '"
                    + other.datasource().name()
                    + "', not in this transaction on '"
                    + transaction.datasource().name()
                    + "'";
          }
          break;
        default:
          break;
      }
      if (why != null) {
        diagnostics.report(
            DatasourceCode.TRANSACTION_TASK,
            task.task().location(),
            "task '" + task.task().id() + "' cannot run in " + transaction.name() + ": " + why);
      }
      transaction(transaction, task.nested());
    }
  }

  private static String parametersHint(Set<String> parameters) {
    return parameters.isEmpty()
        ? "the statement has no parameters"
        : "its parameters: " + String.join(", ", parameters.stream().map(p -> ":" + p).toList());
  }
}
