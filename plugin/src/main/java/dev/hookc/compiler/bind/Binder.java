package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.analysis.Analysis;
import dev.hookc.compiler.analysis.CompiledWorkflow;
import dev.hookc.compiler.analysis.EventSchemas;
import dev.hookc.compiler.check.ResolvedFunction;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.ApiDocsSettings;
import dev.hookc.compiler.model.AsyncDelivery;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Guards;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.KafkaForward;
import dev.hookc.compiler.model.KafkaHandoff;
import dev.hookc.compiler.model.Parameter;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.ProjectInfo;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.schema.JsonSchema;
import dev.hookc.compiler.schema.SchemaDefinitions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds a checked project: resolves each event's workflow, names every generated class, and gathers
 * what each emitter needs into a {@link BoundProject}. Reports nothing: every mistake was reported
 * by the analysis, and binding only runs when there was none.
 */
public final class Binder {
  private final Names names;
  private final ProjectInfo info;

  /** A binder for a project whose build names it after its package, version 0. */
  public Binder(Names names) {
    this(names, new ProjectInfo(names.packageName(), "0.0.0"));
  }

  /** A binder for a project whose build says {@code info} of it. */
  public Binder(Names names, ProjectInfo info) {
    this.names = names;
    this.info = info;
  }

  /** The bound form of {@code project}, as {@code analysis} found it. */
  public BoundProject bind(Project project, Analysis analysis) {
    // Each shared definition's validator methods are generated once, in a class that every
    // validator referring to it calls, rather than copied into each of them.
    SchemaDefinitions shared = analysis.definitions();
    Set<String> usedDefinitions = new TreeSet<>();
    Origins origins = Origins.of(project, analysis);
    List<BoundEvent> events = new ArrayList<>();
    Map<Event, RouteGuard> routes = new LinkedHashMap<>();
    for (Event event : project.events()) {
      routes.put(event, withForwardSource(withKafkaSource(event.guard(), project), project));
      BoundEvent bound =
          event(
              event,
              analysis,
              shared,
              usedDefinitions,
              origins.of(event),
              project.http().settings().validateResponses());
      events.add(bound);
    }
    List<BoundWorkflow> workflows = new ArrayList<>();
    analysis
        .workflows()
        .forEach(
            (workflow, compiled) ->
                workflows.add(workflow(workflow, compiled, analysis, origins.of(workflow))));
    Guards guards =
        new Guards(
            routes,
            project.http().storeUrl(),
            project.http().dataDirectory(),
            project.http().adminToken(),
            project.http().storeDatasourceName(),
            project.http().retention());
    return new BoundProject(
        names,
        events,
        workflows,
        analysis.hooks(),
        guards,
        project.http().settings(),
        analysis.config(),
        JavaFunctionBinder.bind(
            workflows, List.copyOf(project.datasources().values()), names.packageName()),
        shared,
        usedDefinitions,
        List.copyOf(project.datasources().values()),
        StatementsBinder.bind(
            names, List.copyOf(project.datasources().values()), analysis.statements()),
        apiDocs(project, analysis),
        List.copyOf(project.publishSources().values()));
  }

  /** {@code guard} with its Kafka hand-off's source named: the only one, unless it names one. */
  private static RouteGuard withKafkaSource(RouteGuard guard, Project project) {
    if (guard.kafka().isEmpty() || guard.kafka().get().source().isPresent()) {
      return guard;
    }
    KafkaHandoff kafka = guard.kafka().get();
    // The checks made sure there is exactly one.
    String only = project.kafkaSources().keySet().iterator().next();
    return new RouteGuard(
        guard.authn(),
        guard.idempotency(),
        guard.async(),
        guard.authnMalformed(),
        Optional.of(
            new KafkaHandoff(
                kafka.topic(),
                kafka.key(),
                kafka.headers(),
                Optional.of(only),
                kafka.timeout(),
                kafka.acceptStatus(),
                kafka.location(),
                kafka.sourceLocation())));
  }

  /**
   * {@code guard} with its forward's kafka event source named: the only one, unless it names one.
   */
  private static RouteGuard withForwardSource(RouteGuard guard, Project project) {
    Optional<KafkaForward> forward = guard.async().flatMap(AsyncDelivery::forward);
    if (forward.isEmpty() || forward.get().source().isPresent()) {
      return guard;
    }
    // The checks made sure there is exactly one.
    String only = project.kafkaSources().keySet().iterator().next();
    return new RouteGuard(
        guard.authn(),
        guard.idempotency(),
        guard.async().map(a -> a.withForward(forward.get().withSource(only))),
        guard.authnMalformed(),
        guard.kafka());
  }

  private BoundApiDocs apiDocs(Project project, Analysis analysis) {
    ApiDocsSettings docs = project.http().settings().docs();
    return new BoundApiDocs(
        docs,
        docs.title().orElse(info.name()),
        docs.version().orElse(info.version()),
        analysis.definitionJson());
  }

  private BoundEvent event(
      Event event,
      Analysis analysis,
      SchemaDefinitions shared,
      Set<String> usedDefinitions,
      Set<String> origins,
      HttpSettings.ResponseValidation responses) {
    EventSchemas schemas = analysis.schemas().get(event);
    Optional<BoundBody> body =
        schemas
            .body()
            .map(
                schema -> {
                  usedDefinitions.addAll(shared.usedBy(schema));
                  return new BoundBody(
                      schema,
                      names.bodyValidator(event),
                      schemas.payload().orElseThrow(),
                      names.bodyBinder(event));
                });
    String base = Names.eventName(event);
    List<BoundValidator> validators = new ArrayList<>();
    ClassName contractClass = names.parameterContract(event);
    List<ParameterCheck> checks = new ArrayList<>();
    Map<String, ParameterCheck> parameterChecks = new LinkedHashMap<>();
    Set<String> methods = new HashSet<>();
    for (Parameter parameter : event.parameters()) {
      JsonSchema schema = schemas.parameters().get(parameter.key());
      if (schema != null) {
        ParameterCheck check =
            new ParameterCheck(parameter, contractClass, method(parameter, methods), schema);
        checks.add(check);
        parameterChecks.put(parameter.key(), check);
        usedDefinitions.addAll(shared.usedBy(schema));
      }
    }
    Map<String, ClassName> responseValidators = new LinkedHashMap<>();
    schemas
        .responses()
        .forEach(
            (status, schema) -> {
              ClassName name =
                  validator(
                      base
                          + "Response"
                          + (status.equals("default") ? "Default" : status)
                          + "Validator");
              responseValidators.put(status, name);
              validators.add(new BoundValidator(name, schema));
              usedDefinitions.addAll(shared.usedBy(schema));
            });
    Optional<Workflow> workflow = handlingWorkflow(event, analysis);
    return new BoundEvent(
        event,
        workflow,
        names.controller(event),
        schemas.bodyType(),
        body,
        new ControllerContract(event.contract(), parameterChecks, responseValidators, responses),
        checks.isEmpty()
            ? Optional.empty()
            : Optional.of(new ParameterContract(contractClass, checks)),
        validators,
        origins);
  }

  private BoundWorkflow workflow(
      Workflow workflow, CompiledWorkflow compiled, Analysis analysis, Set<String> origins) {
    return new BoundWorkflow(
        workflow,
        names.workflow(workflow),
        names.workflowInputs(workflow),
        analysis.hooks().kind(workflow),
        analysis.workflowBodies().getOrDefault(workflow.id(), ExprType.DYNAMIC),
        compiled,
        Optional.ofNullable(analysis.passed().get(workflow.id())),
        origins);
  }

  private static Optional<Workflow> handlingWorkflow(Event event, Analysis analysis) {
    return event
        .fn()
        .flatMap(fn -> analysis.functions().resolve(fn.name()))
        .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
        .map(f -> ((ResolvedFunction.WorkflowFunction) f).workflow());
  }

  /**
   * The contract-class method of {@code parameter}: its location and name, {@code
   * headerXSlackSignature}, numbered when two names would otherwise meet ({@code X-Id} and {@code
   * x_id}).
   */
  private static String method(Parameter parameter, Set<String> used) {
    String base = parameter.in() + FunctionNames.upperCamel(parameter.name());
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + i;
    }
    return name;
  }

  private ClassName validator(String simpleName) {
    return ClassName.get(names.packageName() + ".validation", simpleName);
  }
}
