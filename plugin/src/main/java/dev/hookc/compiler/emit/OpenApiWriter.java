package dev.hookc.compiler.emit;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.bind.BoundApiDocs;
import dev.hookc.compiler.bind.BoundEvent;
import dev.hookc.compiler.bind.BoundProject;
import dev.hookc.compiler.json.JsonTrees;
import dev.hookc.compiler.model.ApiDocsSettings;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.EventDocs;
import dev.hookc.compiler.naming.Names;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the project's OpenAPI 3.1 document: every served event as an operation, the shared
 * definitions as {@code components/schemas}, each route's authentication as a security scheme, and
 * the problem responses hookc itself gives, once, under {@code components/responses}. Reads only
 * the bound project, and the same project gives the same bytes: paths, components and responses in
 * sorted order, and no timestamp.
 */
public final class OpenApiWriter {
  /** The document's file name, next to the generated application class and in target/hookc. */
  public static final String JSON = "openapi.json";

  /** The same document in YAML. */
  public static final String YAML = "openapi.yaml";

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);
  private static final List<String> METHOD_ORDER =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private OpenApiWriter() {}

  /** The document as a JSON tree. */
  public static ObjectNode document(BoundProject project) {
    return document(project, operations(project));
  }

  /** One served event's operation, with where it is served and the security scheme it names. */
  record Operation(String path, String method, ObjectNode operation, ObjectNode schemes) {}

  /**
   * The document of {@code project} with the operations of {@code operations}, each event file's as
   * {@link #operations} gives them: the project gives everything else ({@code http.yaml}'s
   * settings, the shared definitions).
   */
  static ObjectNode document(BoundProject project, Map<String, List<Operation>> operations) {
    Map<String, ObjectNode> security = new TreeMap<>();
    Map<String, Map<String, JsonNode>> paths = new TreeMap<>();
    // In file order, and each file's operations in their order: the first file to name a scheme
    // gives its text, whichever files were read.
    for (List<Operation> file : new TreeMap<>(operations).values()) {
      for (Operation entry : file) {
        paths
            .computeIfAbsent(entry.path(), p -> new TreeMap<>(OpenApiWriter::byMethod))
            .put(entry.method(), entry.operation());
        for (Map.Entry<String, JsonNode> scheme : entry.schemes().properties()) {
          security.putIfAbsent(scheme.getKey(), (ObjectNode) scheme.getValue());
        }
      }
    }
    ObjectNode root = skeleton(project, security);
    ObjectNode pathsNode = (ObjectNode) root.get("paths");
    paths.forEach(
        (path, methods) -> {
          ObjectNode item = pathsNode.putObject(path);
          methods.forEach(item::set);
        });
    return root;
  }

  /**
   * The document without its operations: {@code paths} is empty, {@code security} are the schemes
   * the operations name, by name.
   */
  static ObjectNode skeleton(BoundProject project, Map<String, ObjectNode> security) {
    BoundApiDocs docs = project.apiDocs();
    ObjectNode root = NODES.objectNode();
    root.put("openapi", "3.1.0");
    ObjectNode info = root.putObject("info");
    info.put("title", docs.title());
    info.put("version", docs.version());
    docs.description().ifPresent(d -> info.put("description", d));
    if (!docs.servers().isEmpty()) {
      ArrayNode servers = root.putArray("servers");
      for (ApiDocsSettings.Server server : docs.servers()) {
        ObjectNode entry = servers.addObject().put("url", server.url());
        server.description().ifPresent(d -> entry.put("description", d));
      }
    }
    root.putObject("paths");
    ObjectNode components = root.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    Map<String, JsonNode> sorted = new TreeMap<>();
    docs.definitions().forEach((name, json) -> sorted.put(name, refs(parse(json))));
    sorted.put(ProblemResponses.SCHEMA, ProblemResponses.schema(NODES));
    sorted.forEach(schemas::set);
    components.set("responses", ProblemResponses.responses(NODES));
    if (!security.isEmpty()) {
      ObjectNode schemes = components.putObject("securitySchemes");
      new TreeMap<>(security).forEach(schemes::set);
    }
    return root;
  }

  /**
   * What each event file gives the document, by project-relative file: its served events'
   * operations in their order. It depends on the file, {@code http.yaml} and the shared definitions
   * only.
   */
  static Map<String, List<Operation>> operations(BoundProject project) {
    Map<String, List<Operation>> operations = new TreeMap<>();
    for (BoundEvent event : project.servedEvents()) {
      if (!event.event().isRoute()) {
        continue; // a Kafka event is not an HTTP operation
      }
      SecuritySchemes security = new SecuritySchemes();
      ObjectNode operation = operation(event, security);
      operations
          .computeIfAbsent(event.event().file(), f -> new ArrayList<>())
          .add(
              new Operation(
                  project.settings().baseUrl() + event.event().path(),
                  event.event().method().name().toLowerCase(java.util.Locale.ROOT),
                  operation,
                  security.node(NODES)));
    }
    return operations;
  }

  /** The methods of a path item in the order the document lists them. */
  static int byMethod(String a, String b) {
    return Integer.compare(METHOD_ORDER.indexOf(a), METHOD_ORDER.indexOf(b));
  }

  /** {@code document} as pretty-printed JSON text, ending with a line break. */
  static String json(ObjectNode document) {
    return JsonTrees.pretty(document, new DefaultPrettyPrinter()) + "\n";
  }

  /** {@code document} as YAML text. */
  static String yaml(ObjectNode document) {
    return YamlText.of(document);
  }

  private static ObjectNode operation(BoundEvent bound, SecuritySchemes security) {
    Event event = bound.event();
    EventDocs docs = event.docs();
    ObjectNode operation = NODES.objectNode();
    if (!docs.tags().isEmpty()) {
      ArrayNode tags = operation.putArray("tags");
      docs.tags().forEach(tags::add);
    }
    event.summary().ifPresent(s -> operation.put("summary", s));
    docs.description().ifPresent(d -> operation.put("description", d));
    operation.put("operationId", event.operationId().orElse(Names.eventName(event)));
    if (!docs.parameters().isEmpty()) {
      ArrayNode parameters = operation.putArray("parameters");
      docs.parameters().forEach(p -> parameters.add(refs(parse(p))));
    }
    docs.requestBody()
        .ifPresent(
            body -> {
              ObjectNode requestBody = (ObjectNode) refs(parse(body));
              // hookc's default is true, OpenAPI's false: say which applies.
              requestBody.put("required", event.contract().bodyRequired());
              operation.set("requestBody", requestBody);
            });
    boolean authenticated = event.guard().authn().isPresent();
    operation.set(
        "responses",
        ProblemResponses.merge(
            NODES, declared(docs), authenticated, docs.requestBody().isPresent(), event));
    event
        .guard()
        .authn()
        .ifPresent(
            authn -> {
              String name = security.add(authn);
              operation.putArray("security").addObject().putArray(name);
            });
    return operation;
  }

  private static Map<String, ObjectNode> declared(EventDocs docs) {
    Map<String, ObjectNode> responses = new TreeMap<>();
    docs.responses()
        .forEach((status, json) -> responses.put(status, (ObjectNode) refs(parse(json))));
    return responses;
  }

  /** Points {@code #/definitions/<name>} at {@code #/components/schemas/<name>}, in place. */
  static JsonNode refs(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#/definitions/")) {
        object.put(
            "$ref", "#/components/schemas/" + ref.asText().substring("#/definitions/".length()));
      }
      for (Iterator<JsonNode> values = object.elements(); values.hasNext(); ) {
        refs(values.next());
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(OpenApiWriter::refs);
    }
    return node;
  }

  static JsonNode parse(String json) {
    return JsonTrees.read(json);
  }
}
