package dev.hookc.compiler.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.json.JsonTrees;
import dev.hookc.compiler.model.EventDocs;
import dev.hookc.compiler.yaml.YamlJson;
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

/**
 * Reads and checks what an event says for its API documentation, as Godspeed writes it: {@code
 * description} and {@code tags}, a {@code description} and {@code example}/{@code examples} on the
 * body's and each response's content, a {@code description} on each response. A key of the wrong
 * shape, or one OpenAPI does not have there, is reported (HC2040) rather than left out of the
 * document.
 */
final class DocsReader {
  private static final Set<String> BODY_KEYS = Set.of("content", "required", "description");
  private static final Set<String> MEDIA_KEYS = Set.of("schema", "example", "examples");
  private static final Set<String> RESPONSE_KEYS = Set.of("description", "content", "headers");
  private static final Set<String> EXAMPLE_KEYS =
      Set.of("summary", "description", "value", "externalValue");

  private final Diagnostics diagnostics;

  DocsReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The documentation of {@code event}, whose body serves {@code contentTypes}. */
  EventDocs read(YamlMapping event, List<String> contentTypes) {
    Optional<String> description = event.get("description").flatMap(n -> text("description", n));
    List<String> tags = event.get("tags").map(this::tags).orElse(List.of());
    return new EventDocs(
        description,
        tags,
        parameters(event),
        event.get("body").flatMap(body -> body(body, contentTypes)),
        responses(event));
  }

  private Optional<String> text(String key, YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      return Optional.of(scalar.value());
    }
    report(node, "'" + key + "' must be text, found a " + node.kindName());
    return Optional.empty();
  }

  private List<String> tags(YamlNode node) {
    if (!(node instanceof YamlSequence sequence)) {
      report(node, "'tags' must be a list of names, found a " + node.kindName());
      return List.of();
    }
    List<String> tags = new ArrayList<>();
    for (YamlNode item : sequence.items()) {
      if (item instanceof YamlScalar scalar && !scalar.value().isBlank()) {
        tags.add(scalar.value());
      } else {
        report(item, "a tag must be a name, found a " + item.kindName());
      }
    }
    return tags;
  }

  private List<String> parameters(YamlMapping event) {
    List<String> parameters = new ArrayList<>();
    for (String key : List.of("params", "parameters")) {
      if (!(event.get(key).orElse(null) instanceof YamlSequence list)) {
        continue;
      }
      for (YamlNode item : list.items()) {
        if (item instanceof YamlMapping parameter && named(parameter)) {
          parameter.get("description").ifPresent(n -> text("description", n));
          parameter.get("examples").ifPresent(this::examples);
          ObjectNode json = (ObjectNode) YamlJson.toJson(parameter);
          JsonNode allow = json.remove("allow_empty_value");
          if (allow != null) {
            json.set("allowEmptyValue", allow);
          }
          if (json.path("in").asText().equals("path")) {
            // A path parameter is always there; OpenAPI asks to say so.
            json.put("required", true);
          }
          parameters.add(JsonTrees.compact(json));
        }
      }
    }
    return parameters;
  }

  /** Whether a parameter was read (its mistakes are reported by the event reader). */
  private static boolean named(YamlMapping parameter) {
    return parameter.get("name").orElse(null) instanceof YamlScalar
        && parameter.get("in").orElse(null) instanceof YamlScalar in
        && Set.of("path", "query", "header", "cookie").contains(in.value());
  }

  private Optional<String> body(YamlNode node, List<String> contentTypes) {
    if (!(node instanceof YamlMapping body)) {
      return Optional.empty();
    }
    checkKeys(body, BODY_KEYS, "body");
    body.get("description").ifPresent(n -> text("description", n));
    ObjectNode json = (ObjectNode) YamlJson.toJson(body);
    if (body.get("content").orElse(null) instanceof YamlMapping content) {
      ObjectNode served = json.objectNode();
      for (YamlMapping.Entry entry : content.entries()) {
        if (contentTypes.contains(entry.key().value())) {
          media(entry.value());
          served.set(entry.key().value(), YamlJson.toJson(entry.value()));
        }
      }
      json.set("content", served);
    }
    return Optional.of(JsonTrees.compact(json));
  }

  private Map<String, String> responses(YamlMapping event) {
    Map<String, String> responses = new LinkedHashMap<>();
    if (!(event.get("responses").orElse(null) instanceof YamlMapping declared)) {
      return responses;
    }
    for (YamlMapping.Entry entry : declared.entries()) {
      if (!EventReader.isStatus(entry.key().value())
          || !(entry.value() instanceof YamlMapping response)) {
        continue;
      }
      checkKeys(response, RESPONSE_KEYS, "response");
      response.get("description").ifPresent(n -> text("description", n));
      response
          .get("headers")
          .filter(h -> !(h instanceof YamlMapping))
          .ifPresent(h -> report(h, "'headers' must be a mapping, found a " + h.kindName()));
      if (response.get("content").orElse(null) instanceof YamlMapping content) {
        content.entries().forEach(media -> media(media.value()));
      }
      responses.put(entry.key().value(), JsonTrees.compact(YamlJson.toJson(response)));
    }
    return responses;
  }

  /** Checks a media type object: its keys, and its {@code examples}. */
  private void media(YamlNode node) {
    if (node instanceof YamlMapping media) {
      checkKeys(media, MEDIA_KEYS, "content");
      media.get("examples").ifPresent(this::examples);
    }
  }

  /** Checks {@code examples}: named example objects, each with a {@code value}. */
  private void examples(YamlNode node) {
    if (!(node instanceof YamlMapping examples)) {
      report(
          node,
          "'examples' must map names to examples ({summary, value}), found a " + node.kindName());
      return;
    }
    for (YamlMapping.Entry entry : examples.entries()) {
      if (!(entry.value() instanceof YamlMapping example)) {
        report(
            entry.value(),
            "example '"
                + entry.key().value()
                + "' must be a mapping with 'value', found a "
                + entry.value().kindName());
        continue;
      }
      checkKeys(example, EXAMPLE_KEYS, "example");
      if (example.get("value").isEmpty() && example.get("externalValue").isEmpty()) {
        diagnostics.report(
            LoadCode.EVENT_BAD_DOCS,
            entry.key().location(),
            "example '" + entry.key().value() + "' has no 'value'",
            "write the example under 'value:'");
      }
      example.get("summary").ifPresent(n -> text("summary", n));
      example.get("description").ifPresent(n -> text("description", n));
    }
  }

  private void checkKeys(YamlMapping mapping, Set<String> known, String what) {
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.key().value();
      if (!known.contains(key)) {
        diagnostics.report(
            LoadCode.EVENT_BAD_DOCS,
            entry.key().location(),
            "unknown " + what + " key '" + key + "'",
            Suggestions.keyHint(key, known));
      }
    }
  }

  private void report(YamlNode node, String message) {
    diagnostics.report(LoadCode.EVENT_BAD_DOCS, node.location(), message);
  }
}
