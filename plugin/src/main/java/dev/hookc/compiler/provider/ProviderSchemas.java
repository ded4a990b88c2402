package dev.hookc.compiler.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.AcceptedEvents;
import dev.hookc.compiler.schema.JsonPointers;
import dev.hookc.compiler.yaml.ScalarType;
import dev.hookc.compiler.yaml.YamlJson;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import dev.hookc.compiler.yaml.YamlSequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Replaces a body schema that names a provider's OpenAPI document ({@code $ref:
 * 'github#/webhooks/push'}, {@code $ref: 'openapi/acme.yaml#/components/schemas/Order'}) by the
 * self-contained schema it names, and reads GitHub's {@code github: {events: [...]}}: the event
 * types a route accepts, whose payloads its body is.
 */
public final class ProviderSchemas {
  /** The key under which a union's payload shape travels to the payload classes. */
  public static final String PAYLOAD_KEY = "x-hookc-payload";

  /**
   * The key that marks a schema as a provider's published document, naming it: reading a property
   * it does not declare is an error, since the provider does not send it.
   */
  public static final String PROVIDER_KEY = "x-hookc-provider";

  private static final String JSON_BODY = "/requestBody/content/application~1json/schema";
  private static final List<String> OPERATIONS =
      List.of("post", "put", "patch", "get", "delete", "options", "head", "trace");

  private final Path sources;
  private final Function<Path, Optional<YamlMapping>> reader;
  private final Diagnostics diagnostics;
  private final Map<String, Optional<OpenApiDocument>> documents = new HashMap<>();

  /**
   * @param sources the project's {@code src} directory, below which its documents are
   * @param reader reads a YAML or JSON file of the project with positions, reporting its mistakes
   */
  public ProviderSchemas(
      Path sources, Function<Path, Optional<YamlMapping>> reader, Diagnostics diagnostics) {
    this.sources = sources;
    this.reader = reader;
    this.diagnostics = diagnostics;
  }

  /** The version of the bundled GitHub document, for the build's log. */
  public static String githubVersion() {
    return GithubPack.version();
  }

  /** {@code schema}, or the schema of a provider's document it names. */
  public YamlNode body(YamlNode schema) {
    if (!(schema instanceof YamlMapping mapping)
        || !(mapping.get("$ref").orElse(null) instanceof YamlScalar ref)) {
      return schema;
    }
    String text = ref.value();
    int hash = text.indexOf('#');
    String name = hash < 0 ? text : text.substring(0, hash);
    // With an $id the reference resolves against it, to a resource the schema itself declares.
    if (name.isEmpty() || name.contains(":") || mapping.get("$id").isPresent()) {
      return schema;
    }
    Optional<OpenApiDocument> document = document(name, ref);
    if (document.isEmpty()) {
      return trueSchema(ref.location());
    }
    String pointer = hash < 0 ? "" : JsonPointers.percentDecode(text.substring(hash + 1));
    Optional<YamlNode> target = target(document.get(), pointer, ref, hash + 1);
    if (target.isEmpty()) {
      return trueSchema(ref.location());
    }
    SchemaExtractor extractor = new SchemaExtractor(document.get(), ref.location(), diagnostics);
    YamlNode copied = extractor.copy(target.get());
    YamlMapping defs = extractor.defs();
    if (document.get() instanceof OpenApiDocument.Bundled) {
      return typedOnly(List.of(copied), defs, ref.location());
    }
    return withDefs(
        copied, defs, Map.of(PROVIDER_KEY, scalar(document.get().name(), ref.location())));
  }

  /**
   * The event types {@code event}'s {@code github} declares, and the schema of their payloads;
   * empty when it declares none.
   */
  public Optional<GithubEvents> github(YamlMapping event) {
    Optional<YamlMapping.Entry> entry = event.entry("github");
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlSequence> events =
        entry.get().value() instanceof YamlMapping github
            ? github
                .get("events")
                .filter(YamlSequence.class::isInstance)
                .map(YamlSequence.class::cast)
            : Optional.empty();
    if (events.isEmpty()
        || events.get().items().isEmpty()
        || !(entry.get().value() instanceof YamlMapping github)
        || !github.keys().equals(List.of("events"))) {
      diagnostics.report(
          ProviderCode.BAD_DECLARATION,
          entry.get().value().location(),
          "'github' must be a mapping with one key, 'events': the list of event types accepted",
          "e.g. github: {events: [push, pull_request]}");
      return Optional.empty();
    }
    GithubPack pack = GithubPack.get();
    Set<String> types = new LinkedHashSet<>();
    for (YamlNode item : events.get().items()) {
      if (!(item instanceof YamlScalar scalar) || scalar.type() != ScalarType.STRING) {
        diagnostics.report(
            ProviderCode.BAD_DECLARATION, item.location(), "an event type is a name, e.g. push");
      } else if (!pack.webhooksByEvent().containsKey(scalar.value())) {
        diagnostics.report(
            ProviderCode.UNKNOWN_EVENT_TYPE,
            scalar.location(),
            "GitHub sends no event type '" + scalar.value() + "' (" + GithubPack.version() + ")",
            Suggestions.didYouMean(scalar.value(), pack.webhooksByEvent().keySet())
                .orElse("the types are X-GitHub-Event's values, e.g. push, pull_request"));
      } else {
        types.add(scalar.value());
      }
    }
    if (types.isEmpty()) {
      return Optional.empty();
    }
    Location where = events.get().location();
    SchemaExtractor extractor = new SchemaExtractor(pack.document(), where, diagnostics);
    List<YamlNode> branches = new ArrayList<>();
    for (String type : types) {
      for (String webhook : pack.webhooksByEvent().get(type)) {
        String pointer = "/webhooks/" + webhook + "/post" + JSON_BODY;
        YamlNode branch = extractor.copy(pack.document().at(pointer, where).orElseThrow());
        branches.add(branch);
      }
    }
    YamlNode schema = typedOnly(branches, extractor.defs(), where);
    return Optional.of(
        new GithubEvents(
            new AcceptedEvents("X-GitHub-Event", List.copyOf(types), false),
            schema,
            entry.get().key()));
  }

  /**
   * The shape of what GitHub sends for event type {@code type} ({@code X-GitHub-Event}): the fields
   * every one of its actions' payloads has, as a route accepting that type alone types its body; a
   * JSON Schema of {@code type}, {@code properties} and {@code items} only. Empty for a type GitHub
   * does not send. Computed once per type and process; the node is shared, not to be changed.
   */
  public static Optional<JsonNode> githubPayload(String type) {
    return GithubPack.get().payload(type, ProviderSchemas::githubShape);
  }

  private static JsonNode githubShape(GithubPack pack, String type) {
    Location where = Location.startOf(GithubPack.NAME);
    SchemaExtractor extractor = new SchemaExtractor(pack.document(), where, new Diagnostics());
    List<YamlNode> branches = new ArrayList<>();
    for (String webhook : pack.webhooksByEvent().get(type)) {
      String pointer = "/webhooks/" + webhook + "/post" + JSON_BODY;
      branches.add(extractor.copy(pack.document().at(pointer, where).orElseThrow()));
    }
    YamlNode root = withDefs(new YamlMapping(List.of(), where), extractor.defs(), Map.of());
    return new PayloadIntersection(YamlJson.toJson(root), false)
        .of(branches.stream().map(YamlJson::toJson).toList());
  }

  /**
   * What a route's {@code github} declares.
   *
   * @param accepted the event types it accepts
   * @param bodySchema the schema of their payloads: any one of them
   * @param key the {@code github} key, where it was declared
   */
  public record GithubEvents(AcceptedEvents accepted, YamlNode bodySchema, YamlScalar key) {}

  private Optional<YamlNode> target(
      OpenApiDocument document, String pointer, YamlScalar ref, int pointerOffset) {
    Optional<YamlNode> node = document.at(pointer, ref.location());
    if (node.isEmpty()) {
      int slash = pointer.lastIndexOf('/');
      String parent = slash < 0 ? "" : pointer.substring(0, slash);
      String last = JsonPointers.unescape(pointer.substring(slash + 1));
      diagnostics.report(
          ProviderCode.UNRESOLVED_POINTER,
          ref.locationAt(pointerOffset + Math.max(0, slash + 1)),
          "'" + ref.value() + "' points at nothing in " + document.name(),
          Suggestions.didYouMean(last, document.keysAt(parent))
              .orElse(
                  "name a webhook ('#/webhooks/<name>') or a schema ('#/components/schemas/<name>')"));
      return Optional.empty();
    }
    if (!pointer.startsWith("/webhooks/") || pointer.indexOf('/', "/webhooks/".length()) >= 0) {
      return node;
    }
    for (String operation : OPERATIONS) {
      Optional<YamlNode> body = document.at(pointer + "/" + operation + JSON_BODY, ref.location());
      if (body.isPresent()) {
        return body;
      }
    }
    diagnostics.report(
        ProviderCode.NO_JSON_BODY,
        ref.location(),
        "webhook '"
            + pointer.substring("/webhooks/".length())
            + "' of "
            + document.name()
            + " has no application/json request body schema");
    return Optional.empty();
  }

  private Optional<OpenApiDocument> document(String name, YamlScalar ref) {
    if (name.equals(GithubPack.NAME)) {
      return Optional.of(GithubPack.get().document());
    }
    return documents.computeIfAbsent(name, n -> readDocument(n, ref));
  }

  private Optional<OpenApiDocument> readDocument(String name, YamlScalar ref) {
    Path file = sources.resolve(name).normalize();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    boolean yamlOrJson =
        lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    // Below src/openapi only: the build fingerprints that directory, so a change rebuilds.
    if (!file.startsWith(sources.resolve("openapi")) || !yamlOrJson || !Files.isRegularFile(file)) {
      diagnostics.report(
          ProviderCode.UNKNOWN_DOCUMENT,
          ref.location(),
          "'"
              + name
              + "' is neither a bundled document nor a .yaml, .yml or .json file under src/openapi/",
          Suggestions.didYouMean(name, List.of(GithubPack.NAME))
              .orElse("bundled: github; a file is named from src/, e.g. openapi/acme.yaml"));
      return Optional.empty();
    }
    Optional<YamlMapping> root = reader.apply(file);
    if (root.isEmpty() || root.get().get("openapi").isEmpty()) {
      diagnostics.report(
          ProviderCode.MALFORMED_DOCUMENT,
          root.map(YamlNode::location).orElse(ref.location()),
          "src/"
              + name
              + " is not an OpenAPI document"
              + (root.isEmpty() ? " that can be read" : ": it has no 'openapi' key"),
          "hookc reads OpenAPI 3.1 documents, whose schemas are under 'webhooks' and 'components'");
      return Optional.empty();
    }
    return Optional.of(new OpenApiDocument.ProjectFile(name, root.get()));
  }

  /**
   * The body schema of a provider's payloads, {@code branches}: a JSON object, whose classes have
   * the shape all of them share. The payload is not checked against the provider's schemas beyond
   * that: the delivery's signature says who sent it, a provider's schema lags behind what it sends
   * (a refused delivery that it signed is lost), and their validators are large (GitHub's {@code
   * pull_request} alone, 21 actions, is megabytes of code). Binding still refuses a value whose
   * type is not the one read.
   */
  private static YamlNode typedOnly(List<YamlNode> branches, YamlMapping defs, Location where) {
    YamlNode root =
        withDefs(
            new YamlMapping(
                List.of(
                    new YamlMapping.Entry(
                        scalar("anyOf", where), new YamlSequence(branches, where))),
                where),
            defs,
            Map.of());
    var shape =
        new PayloadIntersection(YamlJson.toJson(root), false)
            .of(branches.stream().map(YamlJson::toJson).toList());
    return new YamlMapping(
        List.of(
            new YamlMapping.Entry(scalar("type", where), scalar("object", where)),
            new YamlMapping.Entry(
                scalar(PAYLOAD_KEY, where), OpenApiDocument.Bundled.yaml(shape, where)),
            new YamlMapping.Entry(scalar(PROVIDER_KEY, where), scalar(GithubPack.NAME, where))),
        where);
  }

  private static YamlNode withDefs(YamlNode schema, YamlMapping defs, Map<String, YamlNode> extra) {
    if (!(schema instanceof YamlMapping mapping)) {
      return schema;
    }
    List<YamlMapping.Entry> entries = new ArrayList<>(mapping.entries());
    if (!defs.entries().isEmpty()) {
      entries.add(new YamlMapping.Entry(scalar("$defs", defs.location()), defs));
    }
    extra.forEach(
        (key, value) -> entries.add(new YamlMapping.Entry(scalar(key, value.location()), value)));
    return new YamlMapping(entries, mapping.location());
  }

  private static YamlScalar scalar(String value, Location where) {
    return YamlScalar.of(value, ScalarType.STRING, where);
  }

  private static YamlNode trueSchema(Location where) {
    return YamlScalar.of("true", ScalarType.BOOLEAN, where);
  }
}
