package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.bind.ControllerContract;
import dev.hookc.compiler.model.Authn;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Guards;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.KafkaSource;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.model.TopicSubscription;
import dev.hookc.compiler.naming.Durations;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code HookcApplication}: {@code builder()}, which tells the runtime what the project is
 * made of — its configuration, function contracts, secrets and store — {@code routes(startup)},
 * which makes every route when the application starts, and {@code main}.
 */
final class ApplicationEmitter {
  private static final ClassName APPLICATION = RuntimeTypes.APPLICATION;
  private static final ClassName BUILDER = APPLICATION.nestedClass("Builder");
  private static final ClassName CONSOLE_LOG = RuntimeTypes.CONSOLE_LOG;
  private static final ClassName APPLICATION_SETTINGS_EXCEPTION =
      RuntimeTypes.APPLICATION_SETTINGS_EXCEPTION;
  private static final ClassName ROUTE = RuntimeTypes.ROUTE;
  private static final ParameterizedTypeName ROUTES =
      ParameterizedTypeName.get(ClassName.get(List.class), ROUTE);
  private static final RouteGuard OPEN = new RouteGuard(Optional.empty(), Optional.empty());

  private final Names names;
  private final Guards guards;
  private final GuardEmitter guardEmitter;

  ApplicationEmitter(Names names) {
    this(names, Guards.none());
  }

  /**
   * @param guards what stands before each event's controller; absent means nothing
   */
  ApplicationEmitter(Names names, Guards guards) {
    this.names = names;
    this.guards = guards;
    this.guardEmitter = new GuardEmitter(names);
  }

  /**
   * @param functions the contracts of the project's Java functions, which a builder may replace
   */
  JavaFile emit(
      List<Event> events,
      Map<Event, ControllerContract> contracts,
      HttpSettings settings,
      List<ClassName> functions,
      List<Datasource> datasources,
      List<KafkaSource> kafkaSources,
      String applicationName) {
    ClassName self = names.application();
    // Kafka events are consumers the application starts, not routes it serves.
    List<Event> subscriptions = events.stream().filter(e -> !e.isRoute()).toList();
    events = events.stream().filter(Event::isRoute).toList();
    String served = Plurals.count(events.size(), "route");
    TypeSpec application =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "The project's application: its $L, configuration and functions. Run {@code"
                    + " main}, or\nbuild and start one from code and tests with {@link"
                    + " #builder()}.\n",
                served)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(
                builderMethod(
                    events,
                    subscriptions,
                    settings,
                    functions,
                    served,
                    datasources,
                    kafkaSources,
                    applicationName))
            .addMethod(routesMethod(events, contracts, settings))
            .addMethod(mainMethod(settings, served))
            .addMethods(datasources.stream().map(DatasourceEmitter::method).toList())
            .addMethods(kafkaSources.stream().map(KafkaEmitter::method).toList())
            .build();
    return JavaFile.builder(self.packageName(), application).skipJavaLangImports(true).build();
  }

  /**
   * {@code builder()}: the project as the runtime's {@code Assembly} takes it, every secret
   * declared so that {@code build()} checks them all before anything starts.
   */
  private MethodSpec builderMethod(
      List<Event> events,
      List<Event> subscriptions,
      HttpSettings settings,
      List<ClassName> functions,
      String served,
      List<Datasource> datasources,
      List<KafkaSource> kafkaSources,
      String applicationName) {
    CodeBlock.Builder chain =
        CodeBlock.builder()
            .add(
                "return $T.of($T::load, $T::routes)",
                RuntimeTypes.ASSEMBLY,
                names.config(),
                names.application());
    chain.add("\n.name($S)", applicationName);
    chain.add("\n.defaultPort($L)", settings.port().orElse(3000));
    settings
        .metrics()
        .byName()
        .forEach((key, value) -> chain.add("\n.telemetrySetting($S, $S)", key, value));
    settings
        .maxBodyBytes()
        .ifPresent(limit -> chain.add("\n.server(server -> server.maxBodyBytes($L))", limit));
    if (!functions.isEmpty()) {
      chain.add(
          "\n.functions($L)",
          CodeBlock.join(functions.stream().map(f -> CodeBlock.of("$T.class", f)).toList(), ", "));
    }
    for (Event event : events) {
      Optional<Authn> authn = guards.routes().getOrDefault(event, OPEN).authn();
      List<String> references = authn.map(GuardEmitter::secretReferences).orElse(List.of());
      if (!references.isEmpty()) {
        List<CodeBlock> args = new ArrayList<>();
        args.add(CodeBlock.of("$S", route(event)));
        references.forEach(r -> args.add(CodeBlock.of("$S", r)));
        chain.add("\n.secrets($L)", CodeBlock.join(args, ", "));
      }
    }
    if (adminEndpoints()) {
      chain.add("\n.adminToken($S)", GuardEmitter.reference(guards.adminToken().orElseThrow()));
    }
    if (guards.needStore() && guards.storeDatasource().isPresent()) {
      chain.add("\n.storeOn($S)", guards.storeDatasource().get());
    } else if (guards.needStore()) {
      chain.add("\n.store($L, $L)", literal(guards.storeUrl()), literal(guards.dataDirectory()));
    }
    for (Datasource datasource : datasources) {
      chain.add("\n.datasource($L())", DatasourceEmitter.methodName(datasource));
    }
    for (KafkaSource source : kafkaSources) {
      chain.add("\n.kafkaSource($L())", KafkaEmitter.methodName(source));
    }
    for (Event event : subscriptions) {
      chain.add("\n.subscription($L)", subscription(event));
    }
    if (settings.docs().enabled()) {
      // The OpenAPI document is generated next to this class, on the class path.
      chain.add(
          "\n.apiDocs($T.class, $S, $L)",
          names.application(),
          settings.docs().endpoint(),
          settings.docs().ui().map(ui -> CodeBlock.of("$S", ui)).orElse(CodeBlock.of("null")));
    }
    chain.add("\n.builder()");
    return MethodSpec.methodBuilder("builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(
            "A builder of the project's application, with its $L, its configuration\n"
                + "({@code config/}) and its functions. Change what a test or a deployment needs"
                + " (the port,\na secret, a function), then {@code build()} and {@code"
                + " start()}.\n",
            served)
        .returns(BUILDER)
        .addStatement("$L", chain.build())
        .build();
  }

  /** {@code routes(startup)}: every route, made when the application starts. */
  private MethodSpec routesMethod(
      List<Event> events, Map<Event, ControllerContract> contracts, HttpSettings settings) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("routes")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addJavadoc(
                "Every route, made when the application starts$L.\n",
                guards.needStore() ? ", its store open by then" : "")
            .returns(ROUTES)
            .addParameter(RuntimeTypes.STARTUP, "startup")
            .addStatement("$T wiring = startup.wiring()", RuntimeTypes.WIRING);
    if (guards.routes().values().stream()
        .anyMatch(g -> g.idempotency().isPresent() && g.async().isEmpty())) {
      method.addStatement("$T store = startup.store()", GuardEmitter.JDBC_STORE);
    }
    List<CodeBlock> inboxes = new ArrayList<>();
    for (Event event : events) {
      RouteGuard guard = guards.routes().getOrDefault(event, OPEN);
      if (guard.async().isPresent()) {
        method.addComment(
            guard.async().get().runs()
                ? "Runs $L $L from its durable inbox."
                : "Forwards $L $L from its durable inbox to Kafka.",
            event.method(),
            event.path());
        method.addStatement(
            guardEmitter.startInbox(
                event,
                guard.async().get(),
                CodeBlock.of("new $T(wiring)", names.controller(event)),
                guards.retention()));
        inboxes.add(
            CodeBlock.of(
                "$T.entry($S, $L)", Map.class, route(event), guardEmitter.inboxVariable(event)));
      }
    }
    CodeBlock routeList =
        CodeBlock.of(
            "$T.of(\n$L)", List.class, CodeBlock.join(routes(events, contracts, settings), ",\n"));
    if (inboxes.isEmpty() || !adminEndpoints()) {
      return method.addStatement("return $L", routeList).build();
    }
    return method
        .addStatement("$T routes = new $T<>($L)", ROUTES, ArrayList.class, routeList)
        .addComment("The admin endpoints that list and replay dead-lettered deliveries.")
        .addStatement(
            "routes.addAll($T.routes(startup.adminToken(), $T.ofEntries(\n$L)))",
            GuardEmitter.INBOX_ADMIN,
            Map.class,
            CodeBlock.join(inboxes, ",\n"))
        .addStatement("return routes")
        .build();
  }

  private List<CodeBlock> routes(
      List<Event> events, Map<Event, ControllerContract> contracts, HttpSettings settings) {
    List<CodeBlock> routes = new ArrayList<>();
    for (Event event : events) {
      routes.add(routeCode(event, contracts.get(event), settings));
    }
    return routes;
  }

  /** The route of {@code event} as {@code routes(startup)} lists it. */
  private CodeBlock routeCode(Event event, ControllerContract contract, HttpSettings settings) {
    RouteGuard guard = guards.routes().getOrDefault(event, OPEN);
    CodeBlock controller = CodeBlock.of("new $T(wiring)", names.controller(event));
    CodeBlock route =
        guard.isOpen() && event.accepted().isEmpty()
            ? CodeBlock.of(
                "$T.of($S, $S, $L)",
                ROUTE,
                event.method().name(),
                settings.baseUrl() + event.path(),
                controller)
            : CodeBlock.of(
                "$T.of(\n$>$>$S,\n$S,\n$L)$<$<",
                ROUTE,
                event.method().name(),
                settings.baseUrl() + event.path(),
                guardEmitter.wrap(event, guard, controller));
    OptionalLong limit = contract.contract().maxBodyBytes();
    return limit.isPresent()
        ? CodeBlock.of("$L$>$>\n.withMaxBodyBytes($L)$<$<", route, limit.getAsLong())
        : route;
  }

  /**
   * Everything the application's code says of one served event: its route, the secrets its
   * authentication declares, whether it needs the store, and for a route whose deliveries are
   * queued, its inbox. Two builds whose events give the same texts (and the same {@code http.yaml}
   * and Java functions) emit the same application.
   */
  String describe(Event event, ControllerContract contract, HttpSettings settings) {
    if (!event.isRoute()) {
      return "subscription " + subscription(event);
    }
    RouteGuard guard = guards.routes().getOrDefault(event, OPEN);
    StringBuilder text = new StringBuilder(routeCode(event, contract, settings).toString());
    text.append("\nsecrets ")
        .append(guard.authn().map(GuardEmitter::secretReferences).orElse(List.of()))
        .append("\nidempotent ")
        .append(guard.idempotency().isPresent());
    guard
        .async()
        .ifPresent(
            async ->
                text.append("\ninbox ")
                    .append(
                        guardEmitter.startInbox(
                            event,
                            async,
                            CodeBlock.of("new $T(wiring)", names.controller(event)),
                            guards.retention()))
                    .append(guardEmitter.inboxVariable(event)));
    return text.toString();
  }

  /**
   * A Kafka event as the builder declares it: its topic, group, dead-letter topic and retry policy,
   * and its controller, which the runtime runs on each record.
   */
  private CodeBlock subscription(Event event) {
    TopicSubscription topic = event.subscription().orElseThrow();
    return CodeBlock.of(
        "\n$>$>new $T(\n$>$>$S,\n$S,\n$S,\n$S,\n$S,\nnew $T($L, $L, $L, 2))$<$<,\n$T::new$<$<",
        RuntimeTypes.SUBSCRIPTION,
        topic.event(),
        topic.source(),
        topic.topic(),
        topic.group(),
        topic.deadLetter(),
        RuntimeTypes.RETRY_POLICY,
        topic.maxAttempts(),
        Durations.code(topic.backoff()),
        Durations.code(topic.maxBackoff()),
        names.controller(event));
  }

  private static MethodSpec mainMethod(HttpSettings settings, String served) {
    return MethodSpec.methodBuilder("main")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(
            "Serves on the port in {@code PORT}, else $L, until stopped (SIGTERM, Ctrl-C), logging"
                + " to the\nconsole in hookc's one-line format. Settings that keep it from starting"
                + " (a missing\nsecret, ...) are printed, every one, and it exits with status 1.\n",
            settings.port().orElse(3000))
        .addParameter(String[].class, "args")
        .addStatement("$T.install()", CONSOLE_LOG)
        .addStatement("$T application", APPLICATION)
        .beginControlFlow("try")
        .addStatement("application = builder().build().start()")
        .nextControlFlow("catch ($T e)", APPLICATION_SETTINGS_EXCEPTION)
        // Every problem is in the message; a stack trace would only bury it.
        .addStatement("System.err.println($S + e.getMessage())", "hookc: ")
        .addStatement("System.exit(1)")
        .addStatement("return")
        .endControlFlow()
        .addStatement("application.stopOnShutdownSignal()")
        .addStatement(
            "System.out.println($S + application.port())",
            "hookc: serving " + served + " on http://localhost:")
        .build();
  }

  /** Whether the inboxes' admin endpoints are on: async routes, and a token to guard them. */
  private boolean adminEndpoints() {
    return guards.anyAsync() && guards.adminToken().isPresent();
  }

  private static String route(Event event) {
    return event.method() + " " + event.path();
  }

  private static CodeBlock literal(Optional<String> text) {
    return text.map(t -> CodeBlock.of("$S", t)).orElse(CodeBlock.of("null"));
  }
}
