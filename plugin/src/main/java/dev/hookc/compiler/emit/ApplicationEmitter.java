package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.bind.ControllerContract;
import dev.hookc.compiler.model.Authn;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Guards;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.RouteGuard;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.Modifier;

/** Emits {@code HookcApplication}: a server builder with every route, and {@code main}. */
final class ApplicationEmitter {
  private static final ClassName SERVER = RuntimeTypes.HOOKC_SERVER;
  private static final ClassName CONSOLE_LOG = RuntimeTypes.CONSOLE_LOG;
  private static final ClassName BUILDER = SERVER.nestedClass("Builder");
  private static final ClassName ROUTE = RuntimeTypes.ROUTE;
  private static final ClassName CONFIG = RuntimeTypes.PROJECT_CONFIG;
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
   * {@code server(config)}: the builder with every route, which owns the store and the inbox
   * workers the routes use. A list of routes alone would have no owner to close them when the
   * server stops.
   */
  private MethodSpec serverMethod(
      List<Event> events, List<CodeBlock> routes, HttpSettings settings) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("server")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc(
                "A server builder with every route of the project, handled with {@code config}.\n")
            .returns(BUILDER)
            .addParameter(Names.JSON_NODE, "config");
    CodeBlock builder =
        settings.maxBodyBytes().isPresent()
            ? CodeBlock.of(
                "$T.builder().maxBodyBytes($L)", SERVER, settings.maxBodyBytes().getAsLong())
            : CodeBlock.of("$T.builder()", SERVER);
    CodeBlock routeList = CodeBlock.of("$T.of(\n$L)", List.class, CodeBlock.join(routes, ",\n"));
    if (!guards.needStore()) {
      return method.addStatement("return $L.routes($L)", builder, routeList).build();
    }
    method
        .addJavadoc(
            "Idempotency records and inboxes are kept in {@code store}: the one {@link"
                + " #server(JsonNode)}\nopens, or one on a {@code DataSource} of your own ({@code"
                + " JdbcStore.of(dataSource)}).\nThe server owns the store and the inbox workers:"
                + " when it stops, after the requests in\nflight, the workers stop first, then the"
                + " store closes.\n")
        .addParameter(GuardEmitter.JDBC_STORE, "store")
        .addStatement("$T server = $L", BUILDER, builder)
        .addStatement("server.closeOnStop(store)");
    List<CodeBlock> inboxes = new ArrayList<>();
    for (Event event : events) {
      RouteGuard guard = guards.routes().getOrDefault(event, OPEN);
      if (guard.async().isPresent()) {
        method.addComment("Runs $L $L from its durable inbox.", event.method(), event.path());
        method.addStatement(
            guardEmitter.startInbox(
                event,
                guard.async().get(),
                CodeBlock.of("new $T(config)", names.controller(event))));
        method.addStatement("server.closeOnStop($L)", guardEmitter.inboxVariable(event));
        inboxes.add(
            CodeBlock.of(
                "$T.entry($S, $L)",
                Map.class,
                event.method() + " " + event.path(),
                guardEmitter.inboxVariable(event)));
      }
    }
    method.addStatement("server.routes($L)", routeList);
    if (!inboxes.isEmpty() && guards.adminToken().isPresent()) {
      Authn.SecretRef token = guards.adminToken().get();
      method
          .addComment("The admin endpoints that list and replay dead-lettered deliveries.")
          .addStatement(
              "server.routes($T.routes($T.resolve($S, config, $S).get(0), $T.ofEntries(\n$L)))",
              GuardEmitter.INBOX_ADMIN,
              GuardEmitter.SECRETS,
              "the admin endpoints",
              token.literal() ? "value:" + token.reference() : token.reference(),
              Map.class,
              CodeBlock.join(inboxes, ",\n"));
    }
    return method.addStatement("return server").build();
  }

  /**
   * {@code server(config)} of a project with a store: {@code server(config, store)} on the store
   * {@code http.yaml} and the environment name.
   */
  private MethodSpec storeServerMethod() {
    return MethodSpec.methodBuilder("server")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(
            "A server builder with every route of the project, handled with {@code config}, on the"
                + " store\n{@code http.yaml} and the environment name.\n")
        .returns(BUILDER)
        .addParameter(Names.JSON_NODE, "config")
        .addComment("Idempotency records; HOOKC_STORE_URL or HOOKC_DATA_DIR override http.yaml.")
        .addStatement(
            "$T store = $T.fromEnvironment($L, $L)",
            GuardEmitter.JDBC_STORE,
            GuardEmitter.JDBC_STORE,
            literal(guards.storeUrl()),
            literal(guards.dataDirectory()))
        .addStatement("return server(config, store)")
        .build();
  }

  private static CodeBlock literal(Optional<String> text) {
    return text.map(t -> CodeBlock.of("$S", t)).orElse(CodeBlock.of("null"));
  }

  /** The route of {@code event} as the server method lists it. */
  private CodeBlock route(Event event, ControllerContract contract, HttpSettings settings) {
    RouteGuard guard = guards.routes().getOrDefault(event, OPEN);
    CodeBlock controller = CodeBlock.of("new $T(config)", names.controller(event));
    CodeBlock route =
        guard.isOpen()
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
   * Everything the application's code says of one served event: its route and, for a route whose
   * deliveries are queued, its inbox. Two builds whose events give the same texts (and the same
   * {@code http.yaml}) emit the same application.
   */
  String describe(Event event, ControllerContract contract, HttpSettings settings) {
    StringBuilder text = new StringBuilder(route(event, contract, settings).toString());
    RouteGuard guard = guards.routes().getOrDefault(event, OPEN);
    guard
        .async()
        .ifPresent(
            async ->
                text.append('\n')
                    .append(
                        guardEmitter.startInbox(
                            event, async, CodeBlock.of("new $T(config)", names.controller(event))))
                    .append(guardEmitter.inboxVariable(event)));
    return text.toString();
  }

  JavaFile emit(
      List<Event> events, Map<Event, ControllerContract> contracts, HttpSettings settings) {
    ClassName self = names.application();
    List<CodeBlock> routes = new ArrayList<>();
    for (Event event : events) {
      routes.add(route(event, contracts.get(event), settings));
    }
    int port = settings.port().orElse(3000);
    TypeSpec application =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "Serves the project's $L. Run {@code main}, or start the same routes from\n"
                    + "code and tests with {@link #server()} or {@link #server(JsonNode)}.\n",
                Plurals.count(events.size(), "route"))
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(serverMethod(events, routes, settings))
            .addMethods(guards.needStore() ? List.of(storeServerMethod()) : List.of())
            .addMethod(
                MethodSpec.methodBuilder("server")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc(
                        "A server builder with every route, handled with the project's configuration;"
                            + " set the\nhost and port (0 for any free port, as tests do) and start"
                            + " it.\n")
                    .returns(BUILDER)
                    .addStatement("return server($T.load())", names.config())
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("main")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc(
                        "Serves on the port in {@code PORT}, else $L, until stopped, logging to the"
                            + " console\nin hookc's one-line format.\n",
                        port)
                    .addParameter(String[].class, "args")
                    .addException(java.io.IOException.class)
                    .addStatement("$T.install()", CONSOLE_LOG)
                    .addStatement("int port = $T.port(System.getenv($S), $L)", CONFIG, "PORT", port)
                    .addStatement("$T server = server().port(port).start()", SERVER)
                    .addStatement("server.stopOnShutdownSignal()")
                    .addStatement(
                        "System.out.println($S + server.port())",
                        "hookc: serving "
                            + Plurals.count(events.size(), "route")
                            + " on http://localhost:")
                    .build())
            .build();
    return JavaFile.builder(self.packageName(), application).skipJavaLangImports(true).build();
  }
}
