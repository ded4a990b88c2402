package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookc.compiler.contract.HttpSettings;
import dev.hookc.compiler.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.lang.model.element.Modifier;

/** Emits {@code HookcApplication}: every route, a server builder for tests, and {@code main}. */
final class ApplicationEmitter {
  private static final ClassName SERVER = ClassName.get(Names.RUNTIME, "HookcServer");
  private static final ClassName CONSOLE_LOG = ClassName.get(Names.RUNTIME, "ConsoleLog");
  private static final ClassName ROUTE = ClassName.get(Names.RUNTIME, "Route");
  private static final ClassName CONFIG = ClassName.get(Names.WORKFLOW_RUNTIME, "ProjectConfig");

  private final Names names;

  ApplicationEmitter(Names names) {
    this.names = names;
  }

  JavaFile emit(
      List<Event> events, Map<Event, ControllerContract> contracts, HttpSettings settings) {
    ClassName self = names.application();
    List<CodeBlock> routes = new ArrayList<>();
    for (Event event : events) {
      CodeBlock route =
          CodeBlock.of(
              "$T.of($S, $S, new $T(config))",
              ROUTE,
              event.method().name(),
              settings.baseUrl() + event.path(),
              names.controller(event));
      OptionalLong limit = contracts.get(event).contract().maxBodyBytes();
      routes.add(
          limit.isPresent()
              ? CodeBlock.of("$L.withMaxBodyBytes($L)", route, limit.getAsLong())
              : route);
    }
    CodeBlock server =
        settings.maxBodyBytes().isPresent()
            ? CodeBlock.of(
                "return $T.builder().maxBodyBytes($L).routes(routes($T.load()))",
                SERVER,
                settings.maxBodyBytes().getAsLong(),
                names.config())
            : CodeBlock.of("return $T.builder().routes(routes($T.load()))", SERVER, names.config());
    int port = settings.port().orElse(3000);
    TypeSpec application =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "Serves the project's $L route(s). Run {@code main}, or start the same routes from\n"
                    + "code and tests with {@link #server()}.\n",
                events.size())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(
                MethodSpec.methodBuilder("routes")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc("Every route of the project, handled with {@code config}.\n")
                    .returns(ParameterizedTypeName.get(ClassName.get(List.class), ROUTE))
                    .addParameter(Names.JSON_NODE, "config")
                    .addStatement(
                        "return $T.of($>\n$L$<)", List.class, CodeBlock.join(routes, ",\n"))
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("server")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc(
                        "A server builder with every route; set the host and port (0 for any free\n"
                            + "port, as tests do) and start it.\n")
                    .returns(SERVER.nestedClass("Builder"))
                    .addStatement(server)
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
                        "hookc: serving " + events.size() + " route(s) on http://localhost:")
                    .build())
            .build();
    return JavaFile.builder(self.packageName(), application).skipJavaLangImports(true).build();
  }
}
