package dev.hookc.compiler.analysis;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.expr.CompiledValue;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.expr.ExpressionCompiler;
import dev.hookc.compiler.expr.Scope;
import dev.hookc.compiler.kafka.PublishCode;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.naming.Durations;
import dev.hookc.compiler.yaml.DurationReader;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles and checks the {@code args} of a {@code datasource.<kafka>.publish} task: {@code topic}
 * (a string), {@code message} (any value), and optionally {@code key} (a string or a number),
 * {@code headers} (names to string values) and {@code timeout} (a duration).
 */
final class PublishArgs {
  static final String TOPIC = "topic";
  static final String MESSAGE = "message";
  static final String KEY = "key";
  static final String HEADERS = "headers";
  static final String TIMEOUT = "timeout";
  static final Set<String> KEYS = Set.of(TOPIC, MESSAGE, KEY, HEADERS, TIMEOUT);

  /** The data of a publish task's result: where the broker wrote the record. */
  static final ExprType DATA =
      new ExprType.ObjectType(
          orderedFields(
              "topic", ExprType.STRING, "partition", ExprType.INTEGER, "offset", ExprType.INTEGER),
          ExprType.Openness.CLOSED);

  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  private final Diagnostics diagnostics;
  private final DurationReader durations;

  PublishArgs(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.durations =
        new DurationReader(diagnostics, DurationReader.BareUnit.MILLISECONDS, PublishCode.TIMEOUT);
  }

  /** The task's args compiled by name; {@code timeout} as a {@code Duration} literal. */
  Map<String, CompiledValue> compile(Task task, Scope scope, ExpressionCompiler expressions) {
    Map<String, CompiledValue> named = new LinkedHashMap<>();
    YamlNode fn = task.fn().get().node();
    if (task.args().isEmpty()) {
      diagnostics.report(
          PublishCode.TOPIC,
          fn.location(),
          task.fnName() + " needs args with a 'topic' and a 'message'",
          "args: {topic: payments, message: <% inputs.body %>}");
      return named;
    }
    if (!(task.args().get() instanceof YamlMapping args)) {
      diagnostics.report(
          PublishCode.BAD_ARGS,
          task.args().get().location(),
          "the args of " + task.fnName() + " must be a mapping",
          "args: {topic: ..., message: ..., key: ..., headers: {...}}");
      return named;
    }
    for (YamlMapping.Entry entry : args.entries()) {
      String key = entry.key().value();
      if (!KEYS.contains(key)) {
        diagnostics.report(
            PublishCode.BAD_ARGS,
            entry.key().location(),
            "unknown publish arg '" + key + "'",
            Suggestions.keyHint(key, KEYS));
      }
    }
    topic(args, scope, expressions).ifPresent(v -> named.put(TOPIC, v));
    Optional<YamlNode> message = args.get(MESSAGE);
    if (message.isEmpty()) {
      diagnostics.report(
          PublishCode.MESSAGE,
          args.location(),
          task.fnName() + " has no 'message'",
          "add message: <% ... %>, the record's value (sent as JSON)");
    } else {
      expressions
          .compileRequired(message.get(), scope, "a Kafka message")
          .ifPresent(v -> named.put(MESSAGE, v));
    }
    args.get(KEY).flatMap(k -> key(k, scope, expressions)).ifPresent(v -> named.put(KEY, v));
    args.get(HEADERS)
        .flatMap(h -> headers(h, scope, expressions))
        .ifPresent(v -> named.put(HEADERS, v));
    args.get(TIMEOUT)
        .flatMap(t -> durations.read(t, "timeout"))
        .filter(d -> positive(d, args.get(TIMEOUT).get()))
        .ifPresent(
            d ->
                named.put(
                    TIMEOUT, new CompiledValue(ExprType.DYNAMIC, Durations.code(d), Set.of())));
    return named;
  }

  private Optional<CompiledValue> topic(
      YamlMapping args, Scope scope, ExpressionCompiler expressions) {
    Optional<YamlNode> topic = args.get(TOPIC);
    if (topic.isEmpty()) {
      diagnostics.report(
          PublishCode.TOPIC,
          args.location(),
          "a publish task needs a 'topic'",
          "add topic: <name>, or topic: <% ... %>, a string");
      return Optional.empty();
    }
    if (topic.get() instanceof YamlScalar scalar
        && !scalar.value().contains("<%")
        && (scalar.type() != ScalarType.STRING
            || !TOPIC_NAME.matcher(scalar.value()).matches()
            || scalar.value().equals(".")
            || scalar.value().equals(".."))) {
      diagnostics.report(
          PublishCode.TOPIC,
          scalar.location(),
          "'" + scalar.value() + "' is not a Kafka topic name",
          "a topic name has 1 to 249 letters, digits, '.', '_' or '-', and is not '.' or '..'");
      return Optional.empty();
    }
    Optional<CompiledValue> value = expressions.compileRequired(topic.get(), scope, "a topic");
    if (value.isPresent() && !textual(value.get().type())) {
      diagnostics.report(
          PublishCode.TOPIC,
          topic.get().location(),
          "the topic must be a string, found " + value.get().type().withArticle(),
          "convert it in the expression, e.g. <% 'payments-' + inputs.body.region %>");
      return Optional.empty();
    }
    return value;
  }

  private Optional<CompiledValue> key(YamlNode key, Scope scope, ExpressionCompiler expressions) {
    Optional<CompiledValue> value = expressions.compileRequired(key, scope, "a record key");
    if (value.isEmpty()) {
      return value;
    }
    ExprType type = value.get().type();
    if (!textual(type)
        && !(type instanceof ExprType.IntegerType)
        && !(type instanceof ExprType.NumberType)) {
      diagnostics.report(
          PublishCode.KEY,
          key.location(),
          "the record key must be a string or a number, found " + type.withArticle(),
          "key on one value, e.g. <% inputs.body.data.object.id %>");
      return Optional.empty();
    }
    return value;
  }

  private Optional<CompiledValue> headers(
      YamlNode headers, Scope scope, ExpressionCompiler expressions) {
    if (!(headers instanceof YamlMapping mapping)) {
      diagnostics.report(
          PublishCode.HEADERS,
          headers.location(),
          "'headers' must map header names to string values, found a " + headers.kindName(),
          "headers: {x-source: payments}");
      return Optional.empty();
    }
    boolean fine = true;
    for (YamlMapping.Entry entry : mapping.entries()) {
      Optional<CompiledValue> value = expressions.compile(entry.value(), scope);
      if (value.isPresent() && !textual(value.get().type())) {
        diagnostics.report(
            PublishCode.HEADERS,
            entry.value().location(),
            "header '"
                + entry.key().value()
                + "' must be a string, found "
                + value.get().type().withArticle(),
            "quote a literal, or convert the value in the expression");
        fine = false;
      }
    }
    return fine ? expressions.compile(headers, scope) : Optional.empty();
  }

  private boolean positive(Duration duration, YamlNode node) {
    if (duration.isZero() || duration.isNegative()) {
      diagnostics.report(
          PublishCode.TIMEOUT,
          node.location(),
          "the timeout must be longer than zero",
          "for example timeout: 5s");
      return false;
    }
    return true;
  }

  /** Whether a value of {@code type} may be text: a string, or a value known only when it runs. */
  private static boolean textual(ExprType type) {
    return type instanceof ExprType.StringType || type instanceof ExprType.DynamicType;
  }

  private static Map<String, ExprType> orderedFields(Object... namesAndTypes) {
    Map<String, ExprType> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.put((String) namesAndTypes[i], (ExprType) namesAndTypes[i + 1]);
    }
    return fields;
  }
}
