package dev.hookc.compiler.emit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.serializer.Serializer;

/** Writes a JSON tree as block-style YAML, keys in the tree's order. */
final class YamlText {
  private YamlText() {}

  static String of(JsonNode node) {
    return renderer().apply(node);
  }

  /** Writes trees one after another with the same writer, on one thread. */
  static Function<JsonNode, String> renderer() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setWidth(100);
    options.setSplitLines(false);
    // What Yaml.dump does, without the Yaml facade: its constructor builds an object constructor
    // and a logger a dump never uses (about 100 classes to load in a cold build).
    Representer representer = new Representer(options);
    Resolver resolver = new Resolver();
    return node -> {
      StringWriter out = new StringWriter();
      Serializer serializer = new Serializer(new Emitter(out, options), resolver, options, null);
      try {
        serializer.open();
        serializer.serialize(representer.represent(value(node)));
        serializer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    };
  }

  private static Object value(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(value(item)));
      return list;
    }
    if (node.isNumber()) {
      return node.isIntegralNumber() ? node.bigIntegerValue() : node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}
