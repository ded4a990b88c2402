package dev.hookc.compiler.schema;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a JSON Schema from its YAML tree into a {@link JsonSchema}, reporting every mistake at the
 * node it concerns and carrying on, then resolves each {@code $ref}.
 *
 * <p>A {@code $ref} is looked up in the schema itself first (by JSON Pointer, {@code $id} or {@code
 * $anchor}); a {@code #/definitions/<name>} that is not there names one of the project's shared
 * definitions ({@code src/definitions}). The draft 2020-12 meta-schema is built in.
 */
public final class SchemaReader {
  static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
  private static final String DEFINITIONS_BASE = "hookc:/definitions/";

  private final Diagnostics diagnostics;

  public SchemaReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Reads {@code schema}; {@code definitions} maps the name of each shared definition to its
   * schema. Always returns a schema: when something is wrong it is reported, and the caller must
   * not generate code if {@link Diagnostics#hasErrors()}.
   */
  public JsonSchema read(YamlNode schema, Map<String, YamlNode> definitions) {
    Run run = new Run(new TreeMap<>(definitions));
    SchemaNode root = run.parser.parse(schema, "", SchemaIndex.DEFAULT_BASE);
    run.resolveRefs();
    return new JsonSchema(root, SchemaNode.reachable(root));
  }

  /**
   * Reads every shared definition in one run, so that the subschemas they share can be generated
   * once; mistakes are reported as in any other run.
   */
  public SchemaDefinitions readDefinitions(Map<String, YamlNode> definitions) {
    Run run = new Run(new TreeMap<>(definitions));
    Map<String, SchemaNode> roots = new LinkedHashMap<>();
    run.definitions.forEach(
        (name, yaml) -> {
          SchemaNode root = run.load(name, yaml);
          if (root != null) {
            roots.put(name, root);
          }
        });
    run.resolveRefs();
    return new SchemaDefinitions(roots);
  }

  /** One reading, with its index and parsed nodes. */
  private final class Run {
    final SchemaIndex index = new SchemaIndex();
    final IdentityHashMap<YamlNode, SchemaNode> parsed = new IdentityHashMap<>();
    final List<KeywordParser.PendingRef> refs = new ArrayList<>();
    final KeywordParser parser = new KeywordParser(diagnostics, index, parsed, refs);
    final Map<String, YamlNode> definitions;

    Run(Map<String, YamlNode> definitions) {
      this.definitions = definitions;
    }

    void resolveRefs() {
      for (int i = 0; i < refs.size(); i++) {
        KeywordParser.PendingRef ref = refs.get(i);
        String target = SchemaIndex.resolve(ref.base(), ref.reference().value());
        Optional<YamlNode> found = index.lookup(target);
        if (found.isEmpty()) {
          found = loadExternal(ref, target);
        }
        if (found.isEmpty()) {
          diagnostics.report(
              SchemaCode.UNRESOLVED_REF,
              ref.reference().location(),
              "'$ref' points at no schema: looked for '" + target + "'" + lookedIn(ref),
              "a local reference looks like '#/$defs/name'");
          ref.from().ref = new SchemaNode(ref.from().pointer, ref.from().where);
          ref.from().ref.constant = Boolean.TRUE;
          continue;
        }
        SchemaNode node = parsed.get(found.get());
        if (node == null) {
          String pointer = ref.from().pointer + "/$ref";
          node = parser.parse(found.get(), pointer, SchemaIndex.withoutFragment(target));
        }
        ref.from().ref = node;
      }
    }

    private String lookedIn(KeywordParser.PendingRef ref) {
      String text = ref.reference().value();
      return text.startsWith("#/definitions/")
          ? " in this schema and in the shared definitions " + definitions.keySet()
          : "";
    }

    /** Parses shared definition {@code name} unless this run already has. */
    SchemaNode load(String name, YamlNode definition) {
      String base = DEFINITIONS_BASE + name;
      if (!index.hasResource(base)) {
        index.addResource(base, definition);
        return parser.parseDefinition(definition, name, base);
      }
      return parsed.get(definition);
    }

    private Optional<YamlNode> loadExternal(KeywordParser.PendingRef ref, String target) {
      String text = ref.reference().value();
      if (text.startsWith("#/definitions/")) {
        String rest = text.substring("#/definitions/".length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        YamlNode definition = definitions.get(name);
        if (definition == null) {
          return Optional.empty();
        }
        load(name, definition);
        return SchemaIndex.navigate(definition, slash < 0 ? "" : rest.substring(slash));
      }
      if (SchemaIndex.withoutFragment(target).equals(META_SCHEMA) && !index.hasResource(target)) {
        YamlNode meta = metaSchema();
        index.addResource(META_SCHEMA, meta);
        parser.parse(meta, "/meta", META_SCHEMA);
        return index.lookup(target);
      }
      return Optional.empty();
    }
  }

  private static YamlNode metaSchema() {
    String name = "draft2020-12-meta-schema.yaml";
    try (InputStream in = SchemaReader.class.getResourceAsStream(name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Diagnostics ignored = new Diagnostics();
      return new YamlReader(ignored)
          .read("hookc:" + name, text)
          .map(YamlNode.class::cast)
          .orElseThrow(() -> new IllegalStateException("built-in meta-schema is broken"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
