package dev.hookc.compiler.emit;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One operation's text in the document, JSON and YAML, cut from a document that holds it alone at
 * the place it has in every document: under the paths object, its path and its method. Block YAML
 * and pretty-printed JSON write a mapping's entries one after another, each as it would be alone,
 * so a document's paths are these texts put together in the document's order.
 *
 * @param path the path, the key of its path item
 * @param method the method, lower case
 * @param pathJson the path item's first JSON line, its key and the opening brace
 * @param pathYaml the path item's YAML up to its first method's key: its key, the colon, the line
 *     break and the indentation, or for a complex key its {@code ?} line and the value's {@code :}
 * @param json the method's entry in the path item as JSON lines, without a line break at the end
 * @param yaml the method's entry in the path item as YAML, from its key (any later method's is
 *     indented by four spaces) to the line break at the end
 * @param schemes the compact JSON of each security scheme the operation names, by name
 */
record OperationText(
    String path,
    String method,
    String pathJson,
    String pathYaml,
    String json,
    String yaml,
    Map<String, String> schemes) {
  /** The line break of the JSON text, as Jackson's pretty printer writes it. */
  static final String LF = DefaultIndenter.SYS_LF;

  /** What a file's part is when one of its operations cannot be cut: no part at all. */
  static final String UNCUT = "uncut";

  OperationText {
    schemes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
  }

  /**
   * The text of {@code operation}, {@code yaml} rendering YAML; empty when the texts do not have
   * the shape assembling relies on (a path of 128 characters or more is a complex key in YAML,
   * written on the line of its value).
   */
  static Optional<OperationText> cut(
      OpenApiWriter.Operation operation, Function<JsonNode, String> yaml) {
    ObjectNode alone = JsonNodeFactory.instance.objectNode();
    alone
        .putObject("paths")
        .putObject(operation.path())
        .set(operation.method(), operation.operation());
    String json = OpenApiWriter.json(alone);
    // {, "paths" : {, the path's line, the method's lines, then }, } and } closing the three.
    String[] lines = json.substring(0, json.length() - 1).split(LF, -1);
    int n = lines.length;
    if (n < 7
        || !lines[1].equals("  \"paths\" : {")
        || !lines[2].startsWith("    \"")
        || !lines[2].endsWith("\" : {")
        || !lines[3].startsWith("      \"" + operation.method() + "\" : {")
        || !lines[n - 3].equals("    }")
        || !lines[n - 2].equals("  }")
        || !lines[n - 1].equals("}")) {
      return Optional.empty();
    }
    String text = yaml.apply(alone);
    String prefix = "paths:\n";
    int keyEnd = text.indexOf('\n', prefix.length()) + 1;
    int method;
    if (!text.startsWith(prefix) || keyEnd == 0 || !text.endsWith("\n")) {
      return Optional.empty();
    } else if (text.startsWith("    " + operation.method() + ":\n", keyEnd)) {
      // A simple key, and the method's key on the next line.
      method = keyEnd + 4;
    } else if (text.startsWith("  ? ", prefix.length())
        && text.startsWith("  : " + operation.method() + ":\n", keyEnd)) {
      // A complex key (128 characters or more), and the method's key on the value's line.
      method = keyEnd + 4;
    } else {
      return Optional.empty();
    }
    Map<String, String> schemes = new LinkedHashMap<>();
    operation.schemes().properties().forEach(e -> schemes.put(e.getKey(), e.getValue().toString()));
    return Optional.of(
        new OperationText(
            operation.path(),
            operation.method(),
            lines[2],
            text.substring(prefix.length(), method),
            String.join(LF, java.util.Arrays.asList(lines).subList(3, n - 3)),
            text.substring(method),
            schemes));
  }

  /**
   * A file's operations as text for {@link #decode}: each field its length, a colon and its
   * characters as they are, so that reading it back copies them without looking at them.
   */
  static String encode(List<OperationText> operations) {
    StringBuilder text = new StringBuilder();
    for (OperationText operation : operations) {
      field(text, operation.path);
      field(text, operation.method);
      field(text, operation.pathJson);
      field(text, operation.pathYaml);
      field(text, operation.json);
      field(text, operation.yaml);
      field(text, Integer.toString(operation.schemes.size()));
      operation.schemes.forEach(
          (name, scheme) -> {
            field(text, name);
            field(text, scheme);
          });
    }
    return text.toString();
  }

  /**
   * The operations {@link #encode} wrote.
   *
   * @throws IllegalArgumentException when {@code text} is not what it writes
   */
  static List<OperationText> decode(String text) {
    Fields fields = new Fields(text);
    List<OperationText> operations = new ArrayList<>();
    try {
      while (fields.hasNext()) {
        String path = fields.next();
        String method = fields.next();
        String pathJson = fields.next();
        String pathYaml = fields.next();
        String json = fields.next();
        String yaml = fields.next();
        int count = Integer.parseInt(fields.next());
        Map<String, String> schemes = new LinkedHashMap<>();
        for (int s = 0; s < count; s++) {
          schemes.put(fields.next(), fields.next());
        }
        operations.add(new OperationText(path, method, pathJson, pathYaml, json, yaml, schemes));
      }
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      throw new IllegalArgumentException("not a part of a document", e);
    }
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("not a part of a document");
    }
    return operations;
  }

  private static void field(StringBuilder text, String value) {
    text.append(value.length()).append(':').append(value);
  }

  /** Reads the fields {@link #field} wrote, one after another. */
  private static final class Fields {
    private final String text;
    private int at;

    Fields(String text) {
      this.text = text;
    }

    boolean hasNext() {
      return at < text.length();
    }

    String next() {
      int colon = text.indexOf(':', at);
      if (colon < 0) {
        throw new IllegalArgumentException("not a part of a document");
      }
      int length = Integer.parseInt(text, at, colon, 10);
      if (length < 0) {
        throw new IllegalArgumentException("not a part of a document");
      }
      at = colon + 1 + length;
      return text.substring(colon + 1, at);
    }
  }
}
