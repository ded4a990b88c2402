package dev.hookc.compiler.load;

import dev.hookc.compiler.contract.EventContractReader;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.kafka.KafkaCode;
import dev.hookc.compiler.model.AcceptedEvents;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.FnRef;
import dev.hookc.compiler.model.HttpDefaults;
import dev.hookc.compiler.model.HttpMethod;
import dev.hookc.compiler.model.Parameter;
import dev.hookc.compiler.model.ValidationHook;
import dev.hookc.compiler.provider.ProviderSchemas;
import dev.hookc.compiler.security.RouteGuardReader;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the events of one file, checking the shape of every key it knows. */
final class EventReader {
  static final Set<String> KEYS =
      Set.of(
          "fn",
          "summary",
          "description",
          "id",
          "operationId",
          "tags",
          "authn",
          "idempotency",
          "delivery",
          "forward",
          "kafka",
          "retry",
          "body",
          "params",
          "parameters",
          "responses",
          "max_body_size",
          "on_request_validation_error",
          "on_response_validation_error",
          "github");
  static final Set<String> UNSUPPORTED_KEYS = Set.of("authz", "log");
  static final Set<String> SERVED_CONTENT_TYPES =
      Set.of("application/json", "application/x-www-form-urlencoded");
  private static final Set<String> PARAMETER_LOCATIONS =
      Set.of("path", "query", "header", "cookie");
  private static final Set<String> PARAMETER_KEYS =
      Set.of(
          "name",
          "in",
          "required",
          "schema",
          "description",
          "allow_empty_value",
          "allowEmptyValue",
          "deprecated",
          "example",
          "examples");

  private final Diagnostics diagnostics;
  private final Nodes nodes;
  private final EventKeyParser keys;
  private final HookReader hooks;
  private final RouteGuardReader guards;
  private final EventContractReader contracts;
  private final HttpDefaults defaults;
  private final ProviderSchemas providers;
  private final DocsReader docs;
  private final TopicEventReader topics;

  /**
   * @param defaults what {@code http.yaml} sets for every event
   * @param definitions the project's shared schemas, which a parameter's {@code $ref} may name
   * @param topicSources the names of the project's Kafka event sources
   */
  EventReader(
      Diagnostics diagnostics,
      HttpDefaults defaults,
      Map<String, YamlNode> definitions,
      ProviderSchemas providers,
      Set<String> topicSources) {
    this.diagnostics = diagnostics;
    this.providers = providers;
    this.nodes = new Nodes(diagnostics);
    this.keys = new EventKeyParser(diagnostics, topicSources);
    this.topics = new TopicEventReader(diagnostics);
    this.hooks = new HookReader(diagnostics);
    this.guards = new RouteGuardReader(diagnostics);
    this.contracts = new EventContractReader(diagnostics, definitions);
    this.defaults = defaults;
    this.docs = new DocsReader(diagnostics);
  }

  List<Event> read(YamlMapping root) {
    List<Event> events = new ArrayList<>();
    for (YamlMapping.Entry entry : root.entries()) {
      read(entry.key(), entry.value()).ifPresent(events::add);
    }
    return events;
  }

  private Optional<Event> read(YamlScalar keyNode, YamlNode value) {
    if (keys.readsTopic(keyNode)) {
      return readTopic(keyNode, value);
    }
    Optional<EventKey> key = keys.parse(keyNode);
    Optional<YamlMapping> mapping = nodes.mapping(value, LoadCode.EVENT_NOT_MAPPING, "an event");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    // A malformed key is reported already; the event's body is still read and checked, so the
    // user sees its other mistakes in the same build. Nothing is generated for it.
    EventKey parsed = key.orElseGet(() -> new EventKey("http", "post", keyNode.value(), List.of()));
    YamlMapping event = mapping.get();
    nodes.checkKeys(
        event,
        KEYS,
        UNSUPPORTED_KEYS,
        LoadCode.EVENT_UNKNOWN_KEY,
        LoadCode.EVENT_UNSUPPORTED_KEY,
        "event");
    Optional<FnRef> fn = fn(keyNode, event);
    Optional<ProviderSchemas.GithubEvents> github = providers.github(event);
    BodyDeclaration body = body(event);
    Optional<AcceptedEvents> accepted = github.map(ProviderSchemas.GithubEvents::accepted);
    if (body.schema().isEmpty() && github.isPresent()) {
      // The route's body is the payload of the event types it accepts.
      body =
          new BodyDeclaration(Optional.of(github.get().bodySchema()), List.of("application/json"));
      accepted = accepted.map(AcceptedEvents::typingBody);
    }
    List<Parameter> parameters = parameters(event);
    key.ifPresent(k -> checkPathParameters(k, parameters));
    Map<String, Event.Response> responses = responses(event);
    return Optional.of(
        new Event(
            keyNode.value(),
            keyNode,
            HttpMethod.parse(parsed.method()).orElse(HttpMethod.POST),
            parsed.path(),
            parsed.parameters().stream().map(EventKey.PathParameter::name).toList(),
            fn,
            body.schema(),
            body.contentTypes(),
            parameters,
            responses,
            nodes.string(event, "summary", LoadCode.EVENT_NOT_MAPPING),
            operationId(event),
            hooks(event),
            guards.read(event, responses.keySet(), defaults),
            contracts.read(event, parameters, body.schema(), body.contentTypes()),
            docs.read(event, body.contentTypes()),
            event,
            accepted,
            Optional.empty()));
  }

  /**
   * A Kafka event: a consumer of a topic, whose records are validated against its body schema and
   * run its workflow. Its {@code method} and {@code path} ({@code POST /<topic>}) are the request
   * the runtime makes of a record for its controller; no route serves them.
   */
  private Optional<Event> readTopic(YamlScalar keyNode, YamlNode value) {
    Optional<EventKeyParser.TopicKey> key = keys.parseTopic(keyNode);
    Optional<YamlMapping> mapping = nodes.mapping(value, LoadCode.EVENT_NOT_MAPPING, "an event");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping event = mapping.get();
    topics.checkKeys(event);
    Optional<FnRef> fn = fn(keyNode, event);
    BodyDeclaration body = body(event);
    if (body.contentTypes().stream().anyMatch(t -> !t.equals("application/json"))) {
      event
          .get("body")
          .ifPresent(
              b ->
                  diagnostics.report(
                      LoadCode.TOPIC_KEY_NOT_APPLICABLE,
                      b.location(),
                      "a Kafka event's body is JSON: a record's value is read as JSON",
                      "declare 'content: {application/json: {schema: ...}}' only"));
    }
    if (key.isEmpty()) {
      return Optional.empty();
    }
    EventKeyParser.TopicKey topic = key.get();
    List<String> json = body.schema().isPresent() ? List.of("application/json") : List.of();
    return Optional.of(
        new Event(
            keyNode.value(),
            keyNode,
            HttpMethod.POST,
            "/" + topic.topic(),
            List.of(),
            fn,
            body.schema(),
            json,
            List.of(),
            Map.of(),
            nodes.string(event, "summary", LoadCode.EVENT_NOT_MAPPING),
            operationId(event),
            Map.of(),
            new dev.hookc.compiler.model.RouteGuard(Optional.empty(), Optional.empty()),
            contracts.read(event, List.of(), body.schema(), json),
            docs.read(event, json),
            event,
            Optional.empty(),
            Optional.of(topics.read(topic, keyNode, event))));
  }

  /**
   * The declared {@code operationId} (or {@code id}), which names the event's generated types; a
   * blank or non-scalar one is as good as none.
   */
  private static Optional<String> operationId(YamlMapping event) {
    return event
        .get("operationId")
        .or(() -> event.get("id"))
        .filter(YamlScalar.class::isInstance)
        .map(n -> ((YamlScalar) n).value())
        .filter(id -> !id.isBlank());
  }

  private Map<ValidationHook.Kind, ValidationHook> hooks(YamlMapping event) {
    Map<ValidationHook.Kind, ValidationHook> declared = hooks.read(event);
    String mode = mode(event);
    if (mode.equals("async") || mode.equals("kafka")) {
      // The delivery is checked and acknowledged before the workflow runs, with nobody to answer
      // a hook's response to later: say so rather than never running the hook.
      for (YamlMapping.Entry entry : event.entries()) {
        boolean hook =
            declared.entrySet().stream()
                .anyMatch(
                    h ->
                        h.getKey().key().equals(entry.key().value())
                            && !(h.getValue() instanceof ValidationHook.Off));
        if (hook) {
          diagnostics.report(
              LoadCode.HOOK_ON_ASYNC,
              entry.key().location(),
              "'" + entry.key().value() + "' does not run for 'delivery: " + mode + "' events",
              "remove it, or deliver the event with 'delivery: sync'");
        }
      }
    }
    return declared;
  }

  /** The event's {@code delivery} as written; {@code sync} when it writes none. */
  private static String mode(YamlMapping event) {
    return event
        .get("delivery")
        .filter(YamlScalar.class::isInstance)
        .map(d -> ((YamlScalar) d).value())
        .orElse("sync");
  }

  private Optional<FnRef> fn(YamlScalar keyNode, YamlMapping event) {
    Optional<YamlNode> fn = event.get("fn");
    if (mode(event).equals("kafka")) {
      // Its deliveries are handed to a topic; whoever consumes the topic does the work.
      fn.ifPresent(
          f ->
              diagnostics.report(
                  KafkaCode.HANDOFF_FN,
                  event.entry("fn").orElseThrow().key().location(),
                  "a 'delivery: kafka' event has no 'fn': its deliveries are handed to the topic"
                      + " and the work runs where the topic is consumed",
                  "remove 'fn', or use 'delivery: async' to run the workflow in this service"));
      return Optional.empty();
    }
    if (fn.isEmpty() && forwardsOnly(event)) {
      // An outbox route: its deliveries are forwarded to Kafka and nothing runs here.
      return Optional.empty();
    }
    if (fn.isEmpty()) {
      diagnostics.report(
          LoadCode.EVENT_MISSING_FN,
          keyNode.location(),
          "event '" + keyNode.value() + "' has no 'fn'",
          "add 'fn: <workflow or function>' to say what handles it");
      return Optional.empty();
    }
    return nodes
        .scalar(fn.get(), LoadCode.EVENT_NOT_MAPPING, "'fn'")
        .filter(s -> s.type() == ScalarType.STRING && !s.value().isBlank())
        .map(s -> new FnRef(s.value(), s));
  }

  /**
   * Whether the event forwards its deliveries to Kafka ({@code forward}): then it has an {@code fn}
   * only to run it as well, which the forward's reader checks against its {@code run}.
   */
  private static boolean forwardsOnly(YamlMapping event) {
    return event.get("forward").filter(YamlMapping.class::isInstance).isPresent();
  }

  private record BodyDeclaration(Optional<YamlNode> schema, List<String> contentTypes) {}

  private BodyDeclaration body(YamlMapping event) {
    Optional<YamlMapping> body =
        event.get("body").flatMap(b -> nodes.mapping(b, LoadCode.EVENT_NOT_MAPPING, "'body'"));
    if (body.isEmpty()) {
      return new BodyDeclaration(Optional.empty(), List.of());
    }
    Optional<YamlMapping> content =
        body.get()
            .get("content")
            .flatMap(c -> nodes.mapping(c, LoadCode.EVENT_NOT_MAPPING, "'content'"));
    Optional<YamlNode> schema = Optional.empty();
    List<String> types = new ArrayList<>();
    for (YamlMapping.Entry entry : content.map(YamlMapping::entries).orElse(List.of())) {
      String type = entry.key().value();
      if (!SERVED_CONTENT_TYPES.contains(type)) {
        diagnostics.report(
            LoadCode.EVENT_UNSUPPORTED_CONTENT_TYPE,
            entry.key().location(),
            "content type '" + type + "' cannot be served",
            "hookc reads request bodies as "
                + String.join(", ", new java.util.TreeSet<>(SERVED_CONTENT_TYPES)));
        continue;
      }
      types.add(type);
      schema =
          nodes
              .mapping(entry.value(), LoadCode.EVENT_NOT_MAPPING, "'" + type + "'")
              .flatMap(m -> m.get("schema"))
              .map(providers::body);
    }
    return new BodyDeclaration(schema, types);
  }

  private List<Parameter> parameters(YamlMapping event) {
    List<Parameter> parameters = new ArrayList<>();
    for (String key : List.of("params", "parameters")) {
      Optional<YamlSequence> list =
          event
              .get(key)
              .flatMap(p -> nodes.sequence(p, LoadCode.EVENT_NOT_MAPPING, "'" + key + "'"));
      for (YamlNode item : list.map(YamlSequence::items).orElse(List.of())) {
        nodes
            .mapping(item, LoadCode.EVENT_BAD_PARAMETER, "a parameter")
            .flatMap(this::parameter)
            .ifPresent(parameters::add);
      }
    }
    return parameters;
  }

  private Optional<Parameter> parameter(YamlMapping node) {
    nodes.checkKeys(
        node,
        PARAMETER_KEYS,
        Set.of(),
        LoadCode.EVENT_BAD_PARAMETER,
        LoadCode.EVENT_BAD_PARAMETER,
        "parameter");
    Optional<String> name = nodes.string(node, "name", LoadCode.EVENT_BAD_PARAMETER);
    Optional<String> in = nodes.string(node, "in", LoadCode.EVENT_BAD_PARAMETER);
    if (name.isEmpty() || in.isEmpty()) {
      diagnostics.report(
          LoadCode.EVENT_BAD_PARAMETER, node.location(), "a parameter needs 'name' and 'in'");
      return Optional.empty();
    }
    if (!PARAMETER_LOCATIONS.contains(in.get())) {
      diagnostics.report(
          LoadCode.EVENT_BAD_PARAMETER,
          node.get("in").orElseThrow().location(),
          "unknown parameter location '" + in.get() + "'",
          "use one of path, query, header, cookie");
      return Optional.empty();
    }
    boolean required =
        node.get("required")
            .filter(r -> r instanceof YamlScalar s && s.type() == ScalarType.BOOLEAN)
            .map(r -> Boolean.parseBoolean(((YamlScalar) r).value()))
            .orElse(in.get().equals("path"));
    return Optional.of(new Parameter(name.get(), in.get(), required, node.get("schema"), node));
  }

  private void checkPathParameters(EventKey key, List<Parameter> parameters) {
    Set<String> inPath =
        Set.copyOf(key.parameters().stream().map(EventKey.PathParameter::name).toList());
    for (Parameter parameter : parameters) {
      if (parameter.in().equals("path") && !inPath.contains(parameter.name())) {
        diagnostics.report(
            LoadCode.EVENT_PARAMETER_NOT_IN_PATH,
            parameter.node().location(),
            "path parameter '"
                + parameter.name()
                + "' does not appear in path '"
                + key.path()
                + "'");
      }
    }
    for (EventKey.PathParameter used : key.parameters()) {
      parameters.stream()
          .filter(p -> p.name().equals(used.name()) && !p.in().equals("path"))
          .findFirst()
          .ifPresent(
              p ->
                  diagnostics.report(
                      LoadCode.EVENT_PARAMETER_WRONG_IN,
                      p.node().get("in").orElseThrow().location(),
                      "'"
                          + used.name()
                          + "' is a path parameter but is declared 'in: "
                          + p.in()
                          + "'",
                      "declare it with 'in: path'"));
    }
  }

  private Map<String, Event.Response> responses(YamlMapping event) {
    Map<String, Event.Response> responses = new LinkedHashMap<>();
    Optional<YamlMapping> declared =
        event
            .get("responses")
            .flatMap(r -> nodes.mapping(r, LoadCode.EVENT_NOT_MAPPING, "'responses'"));
    for (YamlMapping.Entry entry : declared.map(YamlMapping::entries).orElse(List.of())) {
      String status = entry.key().value();
      if (!isStatus(status)) {
        diagnostics.report(
            LoadCode.EVENT_BAD_RESPONSE_STATUS,
            entry.key().location(),
            "'" + status + "' is not an HTTP status code",
            "use a code from 100 to 599, or 'default'");
        continue;
      }
      Optional<YamlNode> schema =
          nodes
              .mapping(entry.value(), LoadCode.EVENT_NOT_MAPPING, "response " + status)
              .flatMap(m -> m.get("content"))
              .flatMap(c -> nodes.mapping(c, LoadCode.EVENT_NOT_MAPPING, "'content'"))
              .flatMap(c -> c.get("application/json"))
              .flatMap(j -> nodes.mapping(j, LoadCode.EVENT_NOT_MAPPING, "'application/json'"))
              .flatMap(j -> j.get("schema"));
      responses.put(status, new Event.Response(status, schema, entry.key()));
    }
    return responses;
  }

  static boolean isStatus(String status) {
    if (status.equals("default")) {
      return true;
    }
    if (status.length() != 3 || !status.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int code = Integer.parseInt(status);
    return code >= 100 && code <= 599;
  }
}
