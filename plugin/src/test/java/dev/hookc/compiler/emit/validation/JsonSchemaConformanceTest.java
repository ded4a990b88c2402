package dev.hookc.compiler.emit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.schema.JsonSchema;
import dev.hookc.compiler.schema.SchemaReader;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlReader;
import dev.hookc.compiler.yaml.YamlSequence;
import dev.hookc.runtime.Violation;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the official JSON-Schema-Test-Suite (draft 2020-12 and its format tests) through validators
 * made by the real reader and generator: every schema is read from the YAML tree, every validator
 * is compiled in one javac call, and every case must give the expected answer.
 */
class JsonSchemaConformanceTest {
  private static final String PACKAGE = "conformance";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One schema of the suite and its cases. */
  private record Group(String file, String description, String className, JsonNode tests) {}

  @Test
  void passesEveryCaseOfTheDraft202012SuiteAndItsFormats() throws Exception {
    List<Group> groups = new ArrayList<>();
    List<JavaFile> sources = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Path file : suiteFiles()) {
      readFile(file, groups, sources, failures);
    }
    ClassLoader loader = InMemoryCompiler.compile(sources);
    int total = 0;
    for (Group group : groups) {
      Class<?> validator = loader.loadClass(PACKAGE + "." + group.className());
      Method validate = validator.getMethod("validate", JsonNode.class);
      Method isValid = validator.getMethod("isValid", JsonNode.class);
      for (JsonNode test : group.tests()) {
        total++;
        JsonNode data = test.get("data");
        boolean expected = test.get("valid").booleanValue();
        @SuppressWarnings("unchecked")
        List<Violation> violations = (List<Violation>) validate.invoke(null, data);
        boolean quick = (Boolean) isValid.invoke(null, data);
        if (violations.isEmpty() != expected || quick != expected) {
          failures.add(
              String.format(
                  "%s | %s | %s: expected %s, validate gave %s, isValid gave %s",
                  group.file(),
                  group.description(),
                  test.get("description").asText(),
                  expected ? "valid" : "invalid",
                  violations,
                  quick));
        }
      }
    }
    System.out.printf(
        "JSON Schema conformance: %d/%d passed (draft2020-12 + formats)%n",
        total - failures.size(), total);
    assertThat(failures).as("failing conformance cases").isEmpty();
    assertThat(total).isGreaterThan(1000);
  }

  private static void readFile(
      Path file, List<Group> groups, List<JavaFile> sources, List<String> failures)
      throws IOException {
    String name = suiteRoot().relativize(file).toString().replace('\\', '/');
    String text = Files.readString(file, StandardCharsets.UTF_8);
    // The suite's files are JSON lists; YAML reads them as they are once they sit in a mapping.
    Diagnostics yamlProblems = new Diagnostics();
    YamlMapping wrapped =
        new YamlReader(yamlProblems).read(name, "{\"groups\":\n" + text + "\n}").orElseThrow();
    assertThat(yamlProblems.sorted()).as("reading " + name).isEmpty();
    List<YamlNode> schemas = ((YamlSequence) wrapped.get("groups").orElseThrow()).items();
    JsonNode data = JSON.readTree(text);
    for (int i = 0; i < data.size(); i++) {
      JsonNode group = data.get(i);
      String className = classNameOf(name, i);
      YamlNode schema = ((YamlMapping) schemas.get(i)).get("schema").orElseThrow();
      Diagnostics diagnostics = new Diagnostics();
      JsonSchema read = new SchemaReader(diagnostics).read(schema, Map.of());
      if (diagnostics.hasErrors()) {
        failures.add(
            name + " | " + group.get("description").asText() + ": " + diagnostics.sorted());
        continue;
      }
      TypeSpec type = new ValidatorGenerator().generate(read, className);
      sources.add(JavaFile.builder(PACKAGE, type).build());
      groups.add(new Group(name, group.get("description").asText(), className, group.get("tests")));
    }
  }

  private static String classNameOf(String file, int group) {
    StringBuilder name = new StringBuilder();
    for (String word : file.replace(".json", "").split("[^A-Za-z0-9]+", -1)) {
      name.append(MethodNames.capitalize(word));
    }
    return name + "Group" + group + "Validator";
  }

  private static List<Path> suiteFiles() throws IOException {
    try (Stream<Path> files = Files.walk(suiteRoot())) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static Path suiteRoot() {
    try {
      return Path.of(
          JsonSchemaConformanceTest.class
              .getResource("/json-schema-test-suite/draft2020-12")
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
