package dev.hookc.compiler.yaml;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Location;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML file into a {@link YamlMapping} tree that keeps every node's position, reporting
 * syntax errors, duplicate keys, tab indentation and a non-mapping root as located diagnostics.
 */
public final class YamlReader {
  private final Diagnostics diagnostics;

  public YamlReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Reads {@code text}, the content of the project-relative {@code file}. Returns the root mapping,
   * or empty when the file could not be read into one (the reason is reported).
   */
  public Optional<YamlMapping> read(String file, String text) {
    if (reportTabIndentation(file, text)) {
      return Optional.empty();
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setProcessComments(false);
      options.setCodePointLimit(64 * 1024 * 1024);
      // What Yaml.compose does, without building the object constructor and representer a Yaml
      // instance carries, which only loading into and dumping from Java objects use.
      root =
          new Composer(
                  new ParserImpl(new StreamReader(new StringReader(text)), options),
                  new Resolver(),
                  options)
              .getSingleNode();
    } catch (MarkedYAMLException e) {
      reportSyntax(file, e);
      return Optional.empty();
    } catch (YAMLException e) {
      diagnostics.report(YamlCode.SYNTAX, Location.startOf(file), e.getMessage());
      return Optional.empty();
    }
    if (root == null) {
      diagnostics.report(YamlCode.EMPTY_FILE, Location.startOf(file), "the file is empty");
      return Optional.empty();
    }
    YamlNode tree = new TreeBuilder(file, text).convert(root);
    if (tree instanceof YamlMapping mapping) {
      return Optional.of(mapping);
    }
    diagnostics.report(
        YamlCode.ROOT_NOT_MAPPING,
        tree.location(),
        "expected a mapping at the top of the file, found a " + tree.kindName());
    return Optional.empty();
  }

  private boolean reportTabIndentation(String file, String text) {
    String[] lines = text.split("\n", -1);
    boolean found = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (ch == '\t') {
          diagnostics.report(
              YamlCode.TAB_INDENTATION,
              new Location(file, i + 1, c + 1),
              "tab character in indentation",
              "indent with spaces");
          found = true;
          break;
        }
        if (ch != ' ' && ch != '-') {
          break;
        }
      }
    }
    return found;
  }

  private void reportSyntax(String file, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Location location =
        mark == null
            ? Location.startOf(file)
            : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
    String context = e.getContext();
    diagnostics.report(
        YamlCode.SYNTAX, location, context == null ? problem : problem + " (" + context + ")");
  }

  /** Converts SnakeYAML's node graph into hookc's immutable, positioned tree. */
  private final class TreeBuilder {
    private final String file;
    private final String text;

    TreeBuilder(String file, String text) {
      this.file = file;
      this.text = text;
    }

    YamlNode convert(Node node) {
      Location location = locationOf(node.getStartMark());
      if (node instanceof MappingNode mapping) {
        return mapping(mapping, location);
      }
      if (node instanceof SequenceNode sequence) {
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          items.add(convert(item));
        }
        return new YamlSequence(items, location);
      }
      ScalarNode scalar = (ScalarNode) node;
      ScalarSource source =
          new ScalarSource(
              text,
              file,
              scalar.getStartMark().getIndex(),
              scalar.getEndMark().getIndex(),
              scalar.getValue());
      return new YamlScalar(scalar.getValue(), typeOf(scalar.getTag()), location, source);
    }

    private YamlMapping mapping(MappingNode node, Location location) {
      List<YamlMapping.Entry> entries = new ArrayList<>();
      Map<String, Location> seen = new HashMap<>();
      for (NodeTuple tuple : node.getValue()) {
        YamlNode key = convert(tuple.getKeyNode());
        if (!(key instanceof YamlScalar scalarKey)) {
          diagnostics.report(
              YamlCode.COMPLEX_KEY,
              key.location(),
              "a key must be a plain value, not a " + key.kindName());
          continue;
        }
        Location first = seen.putIfAbsent(scalarKey.value(), scalarKey.location());
        if (first != null) {
          diagnostics.report(
              YamlCode.DUPLICATE_KEY,
              scalarKey.location(),
              "duplicate key '" + scalarKey.value() + "'",
              "first defined at line " + first.line() + ", column " + first.column());
          continue;
        }
        entries.add(new YamlMapping.Entry(scalarKey, convert(tuple.getValueNode())));
      }
      return new YamlMapping(entries, location);
    }

    private Location locationOf(Mark mark) {
      return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private ScalarType typeOf(Tag tag) {
      if (Tag.INT.equals(tag)) {
        return ScalarType.INTEGER;
      }
      if (Tag.FLOAT.equals(tag)) {
        return ScalarType.FLOAT;
      }
      if (Tag.BOOL.equals(tag)) {
        return ScalarType.BOOLEAN;
      }
      if (Tag.NULL.equals(tag)) {
        return ScalarType.NULL;
      }
      return ScalarType.STRING;
    }
  }
}
