package dev.hookc.compiler.delivery;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.json.JsonTrees;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * {@code target/hookc/routes.json}: every route's delivery guarantees, one entry per route sorted
 * by path and method, with keys in a fixed order and nothing that changes between two builds of the
 * same YAML, so that CI can diff it between commits.
 */
public final class RouteManifest {
  /** The file's name, next to the build's other outputs under {@code target/hookc}. */
  public static final String NAME = "routes.json";

  private RouteManifest() {}

  /** The manifest of the routes whose entries are {@code entries}, as the file's text. */
  public static String json(Collection<String> entries) {
    List<JsonNode> routes = new ArrayList<>();
    for (String entry : entries) {
      try {
        routes.add(JsonTrees.read(entry));
      } catch (UncheckedIOException e) {
        throw new IllegalArgumentException("not a route entry: " + entry, e);
      }
    }
    routes.sort(
        Comparator.comparing((JsonNode r) -> r.path("path").asText())
            .thenComparing(r -> r.path("method").asText()));
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    manifest.put("version", 1);
    ArrayNode list = manifest.putArray("routes");
    routes.forEach(list::add);
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer = printer.withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return JsonTrees.pretty(manifest, printer) + "\n";
  }
}
