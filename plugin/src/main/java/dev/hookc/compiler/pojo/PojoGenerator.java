package dev.hookc.compiler.pojo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import com.sun.codemodel.CodeWriter;
import com.sun.codemodel.JCodeModel;
import com.sun.codemodel.JDefinedClass;
import com.sun.codemodel.JMethod;
import com.sun.codemodel.JPackage;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.pojo.PayloadClasses.PayloadClass;
import dev.hookc.compiler.provider.ProviderSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Generates the payload classes of a schema as jsonschema2pojo shapes them (Jackson 2 annotations,
 * {@code Long} integers, {@code BigDecimal} numbers) — written by {@link PayloadWriter} when the
 * schema is within its shapes, by jsonschema2pojo otherwise — and computes the expression type that
 * reads them.
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
  private final NameHelper names = new Names();

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
        new PojoSchemas(schema, definitions, packageName, names).reduce(schema, className);
    return new PojoPlan(className, reduced, typeOf(reduced));
  }

  /**
   * Plans the classes for {@code schema} like {@link #plan(String, JsonNode)}, and generates them
   * with their binder {@code binder} right away: a schema whose classes cannot be generated (two
   * properties or classes that jsonschema2pojo gives one Java name, names it cannot take) is
   * refused here, for the checks to report at the schema, rather than failing the build later with
   * an internal error.
   */
  public PojoPlan plan(String className, JsonNode schema, ClassName binder) {
    PojoPlan plan;
    try {
      plan = plan(className, schema);
    } catch (RuntimeException | StackOverflowError e) {
      return PojoPlan.refused(className, JsonNodeFactory.instance.objectNode(), reason(e));
    }
    try {
      return plan.withFiles(binder, generate(plan, binder));
    } catch (RuntimeException | StackOverflowError e) {
      return PojoPlan.refused(className, plan.reducedTree(), reason(e));
    }
  }

  /**
   * What stopped the generation, in the user's terms where the cause is known: jsonschema2pojo
   * reports a clash of Java names as a field created twice, and a property whose name it cannot
   * look up again as a path not present.
   */
  private static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = String.valueOf(cause.getMessage());
    if (message.startsWith("trying to create the same field twice: ")) {
      return "two of its properties take the same Java name '"
          + message.substring("trying to create the same field twice: ".length())
          + "'";
    }
    if (message.startsWith("Path not present: ")) {
      return "the name of property '"
          + message.substring("Path not present: ".length())
          + "' cannot be generated together with the other names of its class";
    }
    if (cause instanceof StringIndexOutOfBoundsException) {
      return "a property name has no letter or digit to name its Java field after";
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + message);
  }

  /**
   * Generates the classes of {@code plan} and, when its root is a class, its binder {@code binder};
   * none when the root is not a class.
   */
  public List<PojoFile> generate(PojoPlan plan, ClassName binder) {
    if (!(plan.type() instanceof ExprType.PojoType)) {
      return List.of();
    }
    Optional<List<PojoFile>> planned = plan.files(binder);
    if (planned.isPresent()) {
      return planned.get();
    }
    ObjectNode reduced = plan.reducedTree();
    Optional<List<PayloadClass>> classes = writable(reduced);
    if (classes.isPresent()) {
      Map<String, PojoFile> files = new TreeMap<>();
      Map<String, Set<String>> setters = new HashMap<>();
      for (PayloadClass type : classes.get()) {
        String path = type.qualifiedName().replace('.', '/') + ".java";
        files.put(path, new PojoFile(path, PayloadWriter.write(type)));
        setters.put(type.qualifiedName(), setters(type));
      }
      List<PojoFile> sources = new ArrayList<>(files.values());
      sources.add(PojoFile.of(new BinderGenerator(names, setters).generate(reduced, binder)));
      return sources;
    }
    return generateWithCodeModel(plan, reduced, binder);
  }

  /** The classes of {@code reduced} when {@link PayloadWriter} writes them; empty otherwise. */
  Optional<List<PayloadClass>> writable(ObjectNode reduced) {
    return PayloadClasses.of(reduced, names);
  }

  /**
   * The classes of {@code plan} as jsonschema2pojo generates them: for the shapes left to it, and
   * for the tests that compare it with {@link PayloadWriter}.
   */
  List<PojoFile> generateWithCodeModel(PojoPlan plan, ObjectNode reduced, ClassName binder) {
    JCodeModel model = new JCodeModel();
    SchemaMapper mapper =
        new SchemaMapper(
            new RuleFactory(CONFIG, new Jackson2Annotator(CONFIG), new SchemaStore()),
            new SchemaGenerator());
    try {
      mapper.generate(model, plan.className(), packageName, plan.reducedSchema());
      List<PojoFile> files = new ArrayList<>(write(model));
      files.add(PojoFile.of(new BinderGenerator(names, setters(model)).generate(reduced, binder)));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> setters(PayloadClass type) {
    Set<String> setters = new HashSet<>();
    for (PayloadClasses.Property property : type.properties()) {
      setters.add(property.setter() + "(" + parameterType(property.type(), type) + ")");
    }
    if (type.extra()) {
      setters.add("setAdditionalProperty(java.lang.Object)");
    }
    return setters;
  }

  /** The qualified form of a property's type as {@link PayloadWriter} writes it. */
  private static String parameterType(String simple, PayloadClass owner) {
    if (simple.startsWith("List<")) {
      return "java.util.List<"
          + parameterType(simple.substring("List<".length(), simple.length() - 1), owner)
          + ">";
    }
    return switch (simple) {
      case "String", "Long", "Boolean" -> "java.lang." + simple;
      case "BigDecimal" -> "java.math.BigDecimal";
      case "JsonNode" -> PojoSchemas.JSON_NODE;
      default -> owner.packageName() + "." + simple;
    };
  }

  /** The setters of every class of {@code model}, as {@link BinderGenerator} looks them up. */
  private static Map<String, Set<String>> setters(JCodeModel model) {
    Map<String, Set<String>> setters = new HashMap<>();
    for (Iterator<JPackage> packages = model.packages(); packages.hasNext(); ) {
      for (Iterator<JDefinedClass> classes = packages.next().classes(); classes.hasNext(); ) {
        JDefinedClass type = classes.next();
        Set<String> own = new HashSet<>();
        for (JMethod method : type.methods()) {
          int parameters = method.params().size();
          if (parameters == (method.name().equals("setAdditionalProperty") ? 2 : 1)) {
            own.add(
                method.name() + "(" + method.params().get(parameters - 1).type().fullName() + ")");
          }
        }
        setters.put(type.fullName(), own);
      }
    }
    return setters;
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
    java.util.Set<String> required = new java.util.HashSet<>();
    reduced.path("required").forEach(name -> required.add(name.asText()));
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      // NameHelper.getGetterName's, for a type that is never a primitive boolean.
      String getter =
          "get" + names.getSetterName(field.getKey(), field.getValue()).substring("set".length());
      properties.put(
          field.getKey(),
          new ExprType.PojoType.Property(
              field.getKey(), typeOf(field.getValue()), getter, required.contains(field.getKey())));
    }
    return new ExprType.PojoType(
        ClassName.bestGuess(reduced.get("javaType").asText()),
        properties,
        reduced.path("additionalProperties").isBoolean()
            ? ExprType.Openness.CLOSED
            : reduced.has(ProviderSchemas.PROVIDER_KEY)
                ? ExprType.Openness.PROVIDER
                : ExprType.Openness.OPEN);
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

  /**
   * Whether {@code c} cannot stand in a property name as jsonschema2pojo takes it: outside what a
   * URI fragment holds as it is, or escaped in a JSON Pointer ({@code ~ /}). Such a name is written
   * by {@link PayloadWriter} only, with the character escaped in its Java names.
   */
  static boolean unsafe(char c) {
    boolean safe =
        (c >= 'a' && c <= 'z')
            || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9')
            || "-_.!$&'()*+,;=:@?".indexOf(c) >= 0;
    return !safe;
  }

  /**
   * {@code name} with each {@link #unsafe} character as {@code $} and its four hex digits: distinct
   * properties of one class keep distinct Java names ({@code foo"bar}, {@code foo bar} and {@code
   * foo%bar} would all be {@code fooBar} with the characters dropped), and a name without one is
   * left to jsonschema2pojo's rules, unchanged.
   */
  static String escapeUnsafe(String name) {
    StringBuilder escaped = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (unsafe(c) && c < 0x80) {
        if (escaped == null) {
          escaped = new StringBuilder(name.substring(0, i));
        }
        escaped.append('$').append(String.format("%04x", (int) c));
      } else if (escaped != null) {
        escaped.append(c);
      }
    }
    return escaped == null ? name : escaped.toString();
  }

  /**
   * jsonschema2pojo's names, with its illegal-character replacement answered without a regular
   * expression (compiled on every call) for the names that have none, nearly all of them.
   */
  private static final class Names extends NameHelper {
    Names() {
      super(CONFIG);
    }

    @Override
    public String replaceIllegalCharacters(String name) {
      name = escapeUnsafe(name);
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean legal =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$';
        if (!legal) {
          return super.replaceIllegalCharacters(name);
        }
      }
      return name;
    }
  }
}
