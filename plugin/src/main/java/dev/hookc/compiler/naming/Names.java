package dev.hookc.compiler.naming;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Workflow;

/** The names of generated types, derived the same way everywhere from the YAML they come from. */
public final class Names {
  /** The methods every class has from {@code Object}: no generated method may take their names. */
  public static final java.util.Set<String> OBJECT_METHODS =
      java.util.Set.of(
          "equals",
          "hashCode",
          "toString",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize");

  /**
   * {@code names} and {@link #OBJECT_METHODS}: the names a generated class's members cannot take.
   */
  public static java.util.Set<String> withObjectMethods(String... names) {
    java.util.Set<String> all = new java.util.HashSet<>(OBJECT_METHODS);
    all.addAll(java.util.List.of(names));
    return java.util.Set.copyOf(all);
  }

  public static final ClassName STATUS = RuntimeTypes.STATUS;
  public static final ClassName JS = RuntimeTypes.JS;
  public static final ClassName JSON = RuntimeTypes.JSON;
  public static final ClassName FUNCTION_CONTEXT = RuntimeTypes.FUNCTION_CONTEXT;
  public static final ClassName REQUEST_PARTS = RuntimeTypes.REQUEST_PARTS;
  public static final ClassName JSON_VALUE =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonValue");
  public static final ClassName JSON_NODE =
      ClassName.get("com.fasterxml.jackson.databind", "JsonNode");

  private final String packageName;

  public Names(String packageName) {
    this.packageName = packageName;
  }

  /** The root package of generated code. */
  public String packageName() {
    return packageName;
  }

  /**
   * The base name of an event's types: its operationId, else method and path ({@code
   * PostCallback}), or a Kafka event's key ({@code KafkaStripeEventsBilling}).
   */
  public static String eventName(Event event) {
    if (event.operationId().isPresent()) {
      return FunctionNames.upperCamel(event.operationId().get());
    }
    if (event.subscription().isPresent()) {
      // kafka.stripe-events.billing -> KafkaStripeEventsBilling
      return FunctionNames.upperCamel(event.subscription().get().event());
    }
    StringBuilder name = new StringBuilder(FunctionNames.upperCamel(event.method().keyword()));
    for (String segment : event.path().split("/", -1)) {
      if (segment.startsWith("{")) {
        name.append("By")
            .append(FunctionNames.upperCamel(segment.substring(1, segment.length() - 1)));
      } else if (!segment.isEmpty()) {
        name.append(FunctionNames.upperCamel(segment));
      }
    }
    return name.length() == FunctionNames.upperCamel(event.method().keyword()).length()
        ? name.append("Root").toString()
        : name.toString();
  }

  /** The payload class of an event's request body. */
  public ClassName body(Event event) {
    return ClassName.get(packageName + ".model", eventName(event) + "Body");
  }

  /** The validator class of an event's request body. */
  public ClassName bodyValidator(Event event) {
    return ClassName.get(packageName + ".validation", eventName(event) + "BodyValidator");
  }

  /**
   * The contract class of an event: a method per parameter with a schema ({@code
   * PostWebhooksSlackContract}).
   */
  public ClassName parameterContract(Event event) {
    return ClassName.get(packageName + ".validation", eventName(event) + "Contract");
  }

  /** The class that binds an event's validated body to its payload class. */
  public ClassName bodyBinder(Event event) {
    return ClassName.get(packageName + ".binding", eventName(event) + "BodyBinder");
  }

  /** The controller class of an event. */
  public ClassName controller(Event event) {
    return ClassName.get(packageName + ".events", eventName(event) + "Controller");
  }

  /** The class of a workflow. */
  public ClassName workflow(Workflow workflow) {
    return ClassName.get(workflowPackage(workflow.id()), simpleName(workflow.id()) + "Workflow");
  }

  /** The inputs record of a workflow. */
  public ClassName workflowInputs(Workflow workflow) {
    return ClassName.get(workflowPackage(workflow.id()), simpleName(workflow.id()) + "Inputs");
  }

  /** The {@code Outputs} class of a workflow, as expressions refer to it. */
  public ClassName workflowOutputs(Workflow workflow) {
    return workflow(workflow).nestedClass("Outputs");
  }

  /** The class holding the project's configuration. */
  public ClassName config() {
    return ClassName.get(packageName, "HookcConfig");
  }

  /** The application class that serves every route. */
  public ClassName application() {
    return ClassName.get(packageName, "HookcApplication");
  }

  /**
   * The typed statements class of each jdbc datasource, by datasource name: {@code
   * <package>.datasources.DbStatements} for {@code db}. Names that map to one class ({@code my_db},
   * {@code myDb}) are numbered in name order ({@code MyDbStatements}, {@code MyDbStatements2}), so
   * that the choice does not depend on the order files are found in.
   */
  public java.util.Map<String, ClassName> statements(java.util.Collection<String> jdbcDatasources) {
    java.util.Map<String, ClassName> classes = new java.util.TreeMap<>();
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (String name : new java.util.TreeSet<>(jdbcDatasources)) {
      String base = FunctionNames.upperCamel(name) + "Statements";
      String simple = base;
      for (int n = 2; !taken.add(simple.toLowerCase(java.util.Locale.ROOT)); n++) {
        simple = base + n;
      }
      classes.put(name, ClassName.get(packageName + ".datasources", simple));
    }
    return java.util.Collections.unmodifiableMap(classes);
  }

  private String workflowPackage(String id) {
    int dot = id.lastIndexOf('.');
    return packageName
        + ".workflows"
        + (dot < 0 ? "" : "." + id.substring(0, dot).toLowerCase(java.util.Locale.ROOT));
  }

  private static String simpleName(String id) {
    return FunctionNames.upperCamel(id.substring(id.lastIndexOf('.') + 1));
  }

  /** The {@code @Generated} marker every generated type carries. */
  public static AnnotationSpec generated() {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", "dev.hookc.compiler")
        .build();
  }
}
