package dev.hookc.compiler.emit.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import dev.hookc.compiler.schema.JsonSchema;
import dev.hookc.compiler.schema.SchemaNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates the validator class of a {@link JsonSchema}: straight-line Java with one pair of
 * methods per subschema, so that {@code $ref} recursion is plain method recursion.
 *
 * <p>The generated class has {@code public static List<Violation> validate(JsonNode)}, which
 * reports every violation (up to {@link #DEFAULT_CAP}), {@code validate(JsonNode, String,
 * ViolationCollector)}, which appends to the caller's collector under a pointer prefix, and {@code
 * isValid(JsonNode)}. Valid documents, the common case, take a path that allocates nothing: each
 * subschema has a validity method, and the violation-collecting method only runs where that one
 * answered no.
 */
public final class ValidatorGenerator {
  /** How many violations {@code validate(JsonNode)} reports at most. */
  public static final int DEFAULT_CAP = 1000;

  private static final ClassName VIOLATION = RuntimeTypes.VIOLATION;
  private static final ClassName COLLECTOR = RuntimeTypes.VIOLATION_COLLECTOR;
  private static final TypeName VIOLATIONS =
      ParameterizedTypeName.get(ClassName.get(List.class), VIOLATION);

  private final SharedDefinitions shared;

  /** A generator that writes every subschema into the class of the schema that uses it. */
  public ValidatorGenerator() {
    this(SharedDefinitions.NONE);
  }

  /**
   * A generator whose validators call the methods {@code shared} generates once for a shared
   * definition, rather than having their own copy.
   */
  public ValidatorGenerator(SharedDefinitions shared) {
    this.shared = shared;
  }

  /** Generates {@code public final class <className>} validating against {@code schema}. */
  public TypeSpec generate(JsonSchema schema, String className) {
    SchemaNode root = schema.root();
    Map<SchemaNode, MethodNames.Delegate> delegates = shared.delegates(schema.nodes());
    Body body = body(local(root, delegates), delegates, Scope.alone(), Modifier.PRIVATE);
    List<MethodSpec> methods = new ArrayList<>(entryPoints(root, body.names()));
    methods.addAll(body.methods());
    return TypeSpec.classBuilder(className)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Names.generated())
        .addJavadoc(
            "Validates documents against the JSON Schema at {@code $L}.\n",
            javadocText(root.where()))
        .addFields(body.constants().fields())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethods(methods)
        .build();
  }

  /**
   * One public method of a contract class: {@code name(JsonNode)} answers every violation of {@code
   * schema}, as {@code validate(JsonNode)} of a validator class does.
   *
   * @param name the method's name, unique in its class and no {@code is}/{@code check} name
   * @param subject what the schema constrains, for the Javadoc: {@code header X-Signature}
   * @param schema the schema
   */
  public record ContractMethod(String name, String subject, JsonSchema schema) {}

  /**
   * Generates {@code public final class <className>} with one method per entry of {@code methods},
   * whose subschemas' methods are named after it and whose constants are shared.
   */
  public TypeSpec generateContract(String className, String javadoc, List<ContractMethod> methods) {
    Set<String> used = new HashSet<>();
    Constants constants = new Constants();
    List<MethodSpec> entries = new ArrayList<>();
    List<MethodSpec> helpers = new ArrayList<>();
    for (ContractMethod method : methods) {
      SchemaNode root = method.schema().root();
      Map<SchemaNode, MethodNames.Delegate> delegates = shared.delegates(method.schema().nodes());
      Body body =
          body(
              local(root, delegates),
              delegates,
              new Scope(method.name(), used, constants),
              Modifier.PRIVATE);
      entries.add(
          MethodSpec.methodBuilder(method.name())
              .addJavadoc(
                  "Adds the violations by {@code node} of the schema of $L, from {@code $L}, found"
                      + " at JSON Pointer {@code pointer}, to {@code out} until it is full.\n",
                  javadocText(method.subject()),
                  javadocText(root.where()))
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .addParameter(Constants.JSON_NODE, "node")
              .addParameter(String.class, "pointer")
              .addParameter(COLLECTOR, "out")
              .addCode(into(root, body.names()))
              .build());
      helpers.addAll(body.methods());
    }
    return TypeSpec.classBuilder(className)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Names.generated())
        .addJavadoc("$L\n", javadocText(javadoc))
        .addFields(constants.fields())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethods(entries)
        .addMethods(helpers)
        .build();
  }

  /** The subschemas whose methods a class of {@code root} holds: all but delegated ones. */
  private static List<SchemaNode> local(
      SchemaNode root, Map<SchemaNode, MethodNames.Delegate> delegates) {
    List<SchemaNode> local = new ArrayList<>();
    Deque<SchemaNode> queue = new ArrayDeque<>(List.of(root));
    Set<SchemaNode> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      SchemaNode node = queue.removeFirst();
      if (!delegates.containsKey(node) && seen.add(node)) {
        local.add(node);
        queue.addAll(node.children());
      }
    }
    return local;
  }

  /**
   * Generates the class of shared definition {@code name}: the methods of {@code local}, its
   * subschemas, which the validators of the schemas that use it call (package-private, so they must
   * be in the same package).
   */
  static TypeSpec definition(
      String name,
      SchemaNode root,
      ClassName className,
      List<SchemaNode> local,
      Map<SchemaNode, MethodNames.Delegate> delegates) {
    Body body = body(local, delegates, Scope.alone());
    return TypeSpec.classBuilder(className)
        .addModifiers(Modifier.FINAL)
        .addAnnotation(Names.generated())
        .addJavadoc(
            "Validates values against shared definition {@code $L}, from {@code $L}.\n\n<p>Generated"
                + " once: every validator that refers to the definition calls these methods.\n",
            javadocText(name),
            javadocText(root.where()))
        .addFields(body.constants().fields())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethods(body.methods())
        .build();
  }

  /** The methods of a class, its constants and the names it gave its subschemas. */
  private record Body(MethodNames names, Constants constants, List<MethodSpec> methods) {}

  /**
   * What the methods of one schema share with the others in their class: the prefix of their names,
   * the names already taken, and the constants.
   */
  private record Scope(String prefix, Set<String> used, Constants constants) {
    /** A class of one schema. */
    static Scope alone() {
      return new Scope("", new HashSet<>(), new Constants());
    }
  }

  /**
   * The validity and check methods of {@code local}, with {@code access}, and the methods listing
   * evaluated properties that its {@code unevaluatedProperties} need. Those are always written
   * here, for delegated subschemas too: which ones are needed depends on the caller.
   */
  private static Body body(
      List<SchemaNode> local,
      Map<SchemaNode, MethodNames.Delegate> delegates,
      Scope scope,
      Modifier... access) {
    Set<SchemaNode> evaluated = needingEvaluated(local);
    List<SchemaNode> named = new ArrayList<>(local);
    Set<SchemaNode> localSet = new HashSet<>(local);
    for (SchemaNode node : evaluated) {
      if (!localSet.contains(node)) {
        named.add(node);
      }
    }
    MethodNames names = new MethodNames(named, delegates, scope.prefix(), scope.used());
    Constants constants = scope.constants();
    AssertionWriter assertions = new AssertionWriter(constants, names);
    ApplicatorWriter applicators = new ApplicatorWriter(constants, names);
    List<MethodSpec> methods = new ArrayList<>();
    for (SchemaNode node : local) {
      methods.add(isValid(node, names, assertions, applicators, access));
      methods.add(check(node, names, assertions, applicators, access));
    }
    for (SchemaNode node : evaluated) {
      methods.add(
          MethodSpec.methodBuilder(names.addEvaluated(node))
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(Constants.JSON_NODE, "node")
              .addParameter(ParameterizedTypeName.get(Set.class, String.class), "into")
              .addCode(applicators.evaluated(node))
              .build());
    }
    return new Body(names, constants, methods);
  }

  /** The body of a method adding the violations of {@code root}'s schema by {@code node}. */
  private static CodeBlock into(SchemaNode root, MethodNames names) {
    return CodeBlock.builder()
        .beginControlFlow("if (!$N(node))", names.isValid(root))
        .addStatement("$N(node, pointer, out)", names.check(root))
        .endControlFlow()
        .build();
  }

  /** The body of a method answering every violation of {@code root}'s schema by {@code node}. */
  private static CodeBlock all(SchemaNode root, MethodNames names) {
    return CodeBlock.builder()
        .beginControlFlow("if ($N(node))", names.isValid(root))
        .addStatement("return $T.of()", List.class)
        .endControlFlow()
        .addStatement("$T out = new $T($L)", COLLECTOR, COLLECTOR, DEFAULT_CAP)
        .addStatement("$N(node, $S, out)", names.check(root), "")
        .addStatement("return out.violations()")
        .build();
  }

  private static List<MethodSpec> entryPoints(SchemaNode root, MethodNames names) {
    MethodSpec all =
        MethodSpec.methodBuilder("validate")
            .addJavadoc("Every violation of the schema by {@code node}; empty when it is valid.\n")
            .addCode(all(root, names))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(VIOLATIONS)
            .addParameter(Constants.JSON_NODE, "node")
            .build();
    MethodSpec into =
        MethodSpec.methodBuilder("validate")
            .addJavadoc(
                "Adds the violations by {@code node}, found at JSON Pointer {@code pointer}, to"
                    + " {@code out}\nuntil it is full.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(Constants.JSON_NODE, "node")
            .addParameter(String.class, "pointer")
            .addParameter(COLLECTOR, "out")
            .addCode(into(root, names))
            .build();
    MethodSpec valid =
        MethodSpec.methodBuilder("isValid")
            .addJavadoc("Whether {@code node} is valid, without describing why not.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(boolean.class)
            .addParameter(Constants.JSON_NODE, "node")
            .addStatement("return $N(node)", names.isValid(root))
            .build();
    return List.of(all, into, valid);
  }

  private static MethodSpec isValid(
      SchemaNode node,
      MethodNames names,
      AssertionWriter assertions,
      ApplicatorWriter applicators,
      Modifier... access) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (node.constant() != null) {
      code.addStatement("return $L", node.constant());
    } else {
      Emitter emit = new Emitter(false, names);
      assertions.write(node, emit, code);
      applicators.write(node, emit, code);
      code.addStatement("return true");
    }
    return MethodSpec.methodBuilder(names.isValid(node))
        .addJavadoc("Whether a value matches $L.\n", describe(node))
        .addModifiers(access)
        .addModifiers(Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(Constants.JSON_NODE, "node")
        .addCode(code.build())
        .build();
  }

  private static MethodSpec check(
      SchemaNode node,
      MethodNames names,
      AssertionWriter assertions,
      ApplicatorWriter applicators,
      Modifier... access) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (Boolean.FALSE.equals(node.constant())) {
      code.addStatement("out.add(path, $S, $S)", "false", "no value is allowed here");
    } else if (node.constant() == null) {
      Emitter emit = new Emitter(true, names);
      assertions.write(node, emit, code);
      applicators.write(node, emit, code);
      emit.settle(code);
    }
    return MethodSpec.methodBuilder(names.check(node))
        .addJavadoc("Reports how a value breaks $L.\n", describe(node))
        .addModifiers(access)
        .addModifiers(Modifier.STATIC)
        .addParameter(Constants.JSON_NODE, "node")
        .addParameter(String.class, "path")
        .addParameter(COLLECTOR, "out")
        .addCode(code.build())
        .build();
  }

  /** Nodes whose evaluated properties an {@code unevaluatedProperties} needs, transitively. */
  private static Set<SchemaNode> needingEvaluated(List<SchemaNode> nodes) {
    Set<SchemaNode> needed = new LinkedHashSet<>();
    Deque<SchemaNode> queue = new ArrayDeque<>();
    for (SchemaNode node : nodes) {
      if (node.unevaluatedProperties() != null) {
        queue.add(node);
      }
    }
    while (!queue.isEmpty()) {
      SchemaNode node = queue.removeFirst();
      if (node.constant() == null && needed.add(node)) {
        queue.addAll(node.inPlace());
      }
    }
    return needed;
  }

  private static String describe(SchemaNode node) {
    String where =
        node.pointer().isEmpty() ? "the root schema" : "schema {@code #" + node.pointer() + "}";
    String title = node.title() == null ? "" : " (" + node.title() + ")";
    return javadocText(where + title + ", from {@code " + node.where() + "}");
  }

  /** Text safe inside a Javadoc comment: no comment end, no unicode escape, printable only. */
  static String javadocText(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\\') {
                out.append("&#92;");
              } else if (cp < 0x20
                  || cp == 0x7f
                  || (cp >= 0x80 && !Character.isLetterOrDigit(cp))) {
                out.append("&#").append(cp).append(';');
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString().replace("*/", "*&#47;");
  }
}
