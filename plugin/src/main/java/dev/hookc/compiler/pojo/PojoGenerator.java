package dev.hookc.compiler.pojo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import com.sun.codemodel.CodeWriter;
import com.sun.codemodel.JCodeModel;
import com.sun.codemodel.JDefinedClass;
import com.sun.codemodel.JPackage;
import dev.hookc.compiler.expr.ExprType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jsonschema2pojo.DefaultGenerationConfig;
import org.jsonschema2pojo.GenerationConfig;
import org.jsonschema2pojo.Jackson2Annotator;
import org.jsonschema2pojo.SchemaGenerator;
import org.jsonschema2pojo.SchemaMapper;
import org.jsonschema2pojo.SchemaStore;
import org.jsonschema2pojo.rules.RuleFactory;
import org.jsonschema2pojo.util.NameHelper;

/**
 * Generates the payload classes of a schema with jsonschema2pojo (Jackson 2 annotations, {@code
 * Long} integers, {@code BigDecimal} numbers) and computes the expression type that reads them.
 */
public final class PojoGenerator {
  private static final GenerationConfig CONFIG =
      new DefaultGenerationConfig() {
        @Override
        public boolean isUseLongIntegers() {
          return true;
        }

        @Override
        public boolean isUseBigDecimals() {
          return true;
        }

        @Override
        public boolean isIncludeGeneratedAnnotation() {
          return false;
        }

        @Override
        public boolean isIncludeJsr303Annotations() {
          return false;
        }

        @Override
        public boolean isIncludeToString() {
          return true;
        }

        @Override
        public boolean isInitializeCollections() {
          return false;
        }

        @Override
        public String getTargetVersion() {
          return "17";
        }
      };

  private final String packageName;
  private final Map<String, JsonNode> definitions;
  private final NameHelper names = new NameHelper(CONFIG);

  /**
   * @param packageName the package of the generated classes
   * @param definitions the project's shared schemas, for {@code #/definitions/<name>}
   */
  public PojoGenerator(String packageName, Map<String, JsonNode> definitions) {
    this.packageName = packageName;
    this.definitions = Map.copyOf(definitions);
  }

  /**
   * A generator of planned classes only: a plan has resolved the shared definitions already.
   *
   * @param packageName the package of the generated classes
   */
  public PojoGenerator(String packageName) {
    this(packageName, Map.of());
  }

  /**
   * Plans the classes for {@code schema}, the root named {@code className}: the schema they are
   * generated from and the expression type that reads them, which expressions are checked against
   * before anything is generated.
   */
  public PojoPlan plan(String className, JsonNode schema) {
    ObjectNode reduced =
        new PojoSchemas(schema, definitions, packageName).reduce(schema, className);
    return new PojoPlan(className, reduced, typeOf(reduced));
  }

  /**
   * Generates the classes of {@code plan} and, when its root is a class, its binder {@code binder};
   * none when the root is not a class.
   */
  public List<PojoFile> generate(PojoPlan plan, ClassName binder) {
    if (!(plan.type() instanceof ExprType.PojoType)) {
      return List.of();
    }
    JCodeModel model = new JCodeModel();
    SchemaMapper mapper =
        new SchemaMapper(
            new RuleFactory(CONFIG, new Jackson2Annotator(CONFIG), new SchemaStore()),
            new SchemaGenerator());
    try {
      mapper.generate(model, plan.className(), packageName, plan.reducedSchema());
      List<PojoFile> files = new ArrayList<>(write(model));
      files.add(
          PojoFile.of(new BinderGenerator(names, model).generate(plan.reducedTree(), binder)));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ExprType typeOf(JsonNode reduced) {
    if (reduced.has("existingJavaType")) {
      return ExprType.DYNAMIC;
    }
    return switch (reduced.path("type").asText()) {
      case "string" -> ExprType.STRING;
      case "integer" -> ExprType.INTEGER;
      case "number" -> ExprType.NUMBER;
      case "boolean" -> ExprType.BOOLEAN;
      case "array" -> new ExprType.ListType(typeOf(reduced.get("items")));
      case "object" -> pojoType(reduced);
      default -> ExprType.DYNAMIC;
    };
  }

  private ExprType pojoType(JsonNode reduced) {
    Map<String, ExprType.PojoType.Property> properties = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields =
        reduced.get("properties").properties().iterator();
    JCodeModel names = new JCodeModel();
    java.util.Set<String> required = new java.util.HashSet<>();
    reduced.path("required").forEach(name -> required.add(name.asText()));
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String getter =
          this.names.getGetterName(field.getKey(), names.ref(Object.class), field.getValue());
      properties.put(
          field.getKey(),
          new ExprType.PojoType.Property(
              field.getKey(), typeOf(field.getValue()), getter, required.contains(field.getKey())));
    }
    return new ExprType.PojoType(
        ClassName.bestGuess(reduced.get("javaType").asText()),
        properties,
        !reduced.path("additionalProperties").isBoolean());
  }

  private static List<PojoFile> write(JCodeModel model) throws IOException {
    Map<String, Supplier<String>> files = new TreeMap<>();
    // The same marker as every other generated class (jsonschema2pojo's own names itself).
    for (Iterator<JPackage> packages = model.packages(); packages.hasNext(); ) {
      for (Iterator<JDefinedClass> classes = packages.next().classes(); classes.hasNext(); ) {
        classes
            .next()
            .annotate(model.ref("javax.annotation.processing.Generated"))
            .param("value", "dev.hookc.compiler");
      }
    }
    model.build(
        new CodeWriter() {
          @Override
          public OutputStream openBinary(JPackage pkg, String fileName) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            files.put(path(pkg, fileName), () -> out.toString(StandardCharsets.UTF_8));
            return out;
          }

          /** Collected as text: see {@link SourceText} for why, and why the text is the same. */
          @Override
          public Writer openSource(JPackage pkg, String fileName) {
            SourceText text = new SourceText();
            files.put(path(pkg, fileName), text::text);
            return text;
          }

          @Override
          public void close() {}
        });
    List<PojoFile> sources = new ArrayList<>();
    files.forEach(
        (path, text) ->
            sources.add(
                new PojoFile(
                    path, path.endsWith(".java") ? PayloadLayout.spaced(text.get()) : text.get())));
    return sources;
  }

  private static String path(JPackage pkg, String fileName) {
    return (pkg.isUnnamed() ? "" : pkg.name().replace('.', '/') + "/") + fileName;
  }
}
