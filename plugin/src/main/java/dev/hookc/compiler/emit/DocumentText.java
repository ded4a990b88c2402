package dev.hookc.compiler.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.bind.BoundProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Assembles the document's JSON and YAML from its operations' texts: the project's part (info,
 * servers, components) is rendered with {@code paths} empty, and its one {@code paths} entry is
 * replaced by the path items, each put together from its operations' texts, in the order a whole
 * tree is written (paths sorted, methods in OpenAPI's order). Only the operations' texts depend on
 * the event files, so a build that read some of them renders only theirs.
 */
final class DocumentText {
  /** The JSON and YAML of one document. */
  record Text(String json, String yaml) {}

  private static final String LF = OperationText.LF;
  private static final String JSON_PATHS = LF + "  \"paths\" : { }";
  private static final String YAML_PATHS = "\npaths: {}\n";

  private DocumentText() {}

  /**
   * The document of {@code project} with the operations of {@code files}, by file; empty when the
   * project's part does not have the one {@code paths} entry to replace.
   */
  static Optional<Text> assemble(BoundProject project, Map<String, List<OperationText>> files) {
    Map<String, String> schemes = new TreeMap<>();
    Map<String, Map<String, OperationText>> paths = new TreeMap<>();
    // In file order, and each file's operations in their order: the first file to name a scheme
    // gives its text, as in a whole tree.
    for (List<OperationText> file : new TreeMap<>(files).values()) {
      for (OperationText operation : file) {
        paths
            .computeIfAbsent(operation.path(), p -> new TreeMap<>(OpenApiWriter::byMethod))
            .put(operation.method(), operation);
        operation.schemes().forEach(schemes::putIfAbsent);
      }
    }
    Map<String, ObjectNode> security = new TreeMap<>();
    schemes.forEach((name, json) -> security.put(name, (ObjectNode) OpenApiWriter.parse(json)));
    ObjectNode skeleton = OpenApiWriter.skeleton(project, security);
    String json = OpenApiWriter.json(skeleton);
    String yaml = OpenApiWriter.yaml(skeleton);
    int jsonAt = json.indexOf(JSON_PATHS);
    int yamlAt = yaml.indexOf(YAML_PATHS);
    if (jsonAt < 0
        || jsonAt != json.lastIndexOf(JSON_PATHS)
        || yamlAt < 0
        || yamlAt != yaml.lastIndexOf(YAML_PATHS)) {
      return Optional.empty();
    }
    if (paths.isEmpty()) {
      return Optional.of(new Text(json, yaml));
    }
    // Sized for the whole document at once: at a thousand events it is megabytes long.
    int jsonLength = json.length();
    int yamlLength = yaml.length();
    for (Map<String, OperationText> methods : paths.values()) {
      for (OperationText operation : methods.values()) {
        jsonLength += operation.pathJson().length() + operation.json().length() + 16;
        yamlLength += operation.pathYaml().length() + operation.yaml().length() + 8;
      }
    }
    StringBuilder jsonText = new StringBuilder(jsonLength);
    StringBuilder yamlText = new StringBuilder(yamlLength);
    jsonText.append(json, 0, jsonAt).append(LF).append("  \"paths\" : {").append(LF);
    yamlText.append(yaml, 0, yamlAt).append("\npaths:\n");
    boolean firstPath = true;
    for (Map<String, OperationText> methods : paths.values()) {
      List<OperationText> operations = new ArrayList<>(methods.values());
      if (!firstPath) {
        jsonText.append(',').append(LF);
      }
      firstPath = false;
      jsonText.append(operations.get(0).pathJson()).append(LF);
      yamlText.append(operations.get(0).pathYaml());
      for (int i = 0; i < operations.size(); i++) {
        if (i > 0) {
          jsonText.append(',').append(LF);
        }
        jsonText.append(operations.get(i).json());
        yamlText.append(i > 0 ? "    " : "").append(operations.get(i).yaml());
      }
      jsonText.append(LF).append("    }");
    }
    jsonText.append(LF).append("  }").append(json, jsonAt + JSON_PATHS.length(), json.length());
    yamlText.append(yaml, yamlAt + YAML_PATHS.length(), yaml.length());
    return Optional.of(new Text(jsonText.toString(), yamlText.toString()));
  }
}
