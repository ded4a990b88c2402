package dev.hookc.compiler.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.bind.BoundApiDocs;
import dev.hookc.compiler.bind.BoundEvent;
import dev.hookc.compiler.bind.BoundProject;
import dev.hookc.compiler.model.ApiDocsSettings;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.EventDocs;
import dev.hookc.compiler.naming.Names;
import java.io.UncheckedIOException;
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
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(NODES)
          .build();
  private static final List<String> METHOD_ORDER =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private OpenApiWriter() {}

  /** The document as a JSON tree. */
  public static ObjectNode document(BoundProject project) {
    return document(project, parts(project));
  }

  /**
   * The document of {@code project} with the operations of {@code parts}, each event file's as
   * {@link #parts} gives them: the project gives everything else ({@code http.yaml}'s settings, the
   * shared definitions). A clean build assembles its document from its own parts in the same way,
   * so parts remembered from an earlier build give the same bytes as parts made afresh.
   */
  static ObjectNode document(BoundProject project, Map<String, String> parts) {
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
    Map<String, ObjectNode> security = new TreeMap<>();
    Map<String, Map<String, JsonNode>> paths = new TreeMap<>();
    // In file order, and each file's operations in their order: the first file to name a scheme
    // gives its text, whichever files were read.
    for (String part : new TreeMap<>(parts).values()) {
      for (JsonNode entry : parse(part)) {
        paths
            .computeIfAbsent(
                entry.get("path").asText(), p -> new TreeMap<>(OpenApiWriter::byMethod))
            .put(entry.get("method").asText(), entry.get("operation"));
        for (Map.Entry<String, JsonNode> scheme : entry.get("schemes").properties()) {
          security.putIfAbsent(scheme.getKey(), (ObjectNode) scheme.getValue());
        }
      }
    }
    ObjectNode pathsNode = root.putObject("paths");
    paths.forEach(
        (path, operations) -> {
          ObjectNode item = pathsNode.putObject(path);
          operations.forEach(item::set);
        });
    ObjectNode components = root.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    Map<String, JsonNode> sorted = new TreeMap<>();
    docs.definitions().forEach((name, json) -> sorted.put(name, refs(parse(json))));
    sorted.put(ProblemResponses.SCHEMA, ProblemResponses.schema(NODES));
    sorted.forEach(schemas::set);
    components.set("responses", ProblemResponses.responses(NODES));
    if (!security.isEmpty()) {
      ObjectNode schemes = components.putObject("securitySchemes");
      security.forEach(schemes::set);
    }
    return root;
  }

  /**
   * What each event file gives the document, by project-relative file: a JSON array of its served
   * events' operations in their order, each with its path, method and the security scheme it names.
   * It depends on the file, {@code http.yaml} and the shared definitions only.
   */
  static Map<String, String> parts(BoundProject project) {
    Map<String, ArrayNode> parts = new TreeMap<>();
    for (BoundEvent event : project.servedEvents()) {
      if (!event.event().isRoute()) {
        continue; // a Kafka event is not an HTTP operation
      }
      SecuritySchemes security = new SecuritySchemes();
      ObjectNode entry = NODES.objectNode();
      entry.put("path", project.settings().baseUrl() + event.event().path());
      entry.put("method", event.event().method().name().toLowerCase(java.util.Locale.ROOT));
      entry.set("operation", operation(event, security));
      entry.set("schemes", security.node(NODES));
      parts.computeIfAbsent(event.event().file(), f -> NODES.arrayNode()).add(entry);
    }
    Map<String, String> text = new TreeMap<>();
    parts.forEach((file, operations) -> text.put(file, operations.toString()));
    return text;
  }

  /** {@code document} as pretty-printed JSON text, ending with a line break. */
  static String json(ObjectNode document) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code document} as YAML text. */
  static String yaml(ObjectNode document) {
    return YamlText.of(document);
  }

  private static int byMethod(String a, String b) {
    return Integer.compare(METHOD_ORDER.indexOf(a), METHOD_ORDER.indexOf(b));
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

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
