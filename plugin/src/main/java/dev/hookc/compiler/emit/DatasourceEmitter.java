package dev.hookc.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.hookc.compiler.model.Datasource;
import dev.hookc.compiler.model.DatasourceSetting;
import dev.hookc.compiler.naming.Durations;
import dev.hookc.compiler.naming.FunctionNames;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The definitions of a project's datasources, as methods of its application class that {@code
 * builder()} hands the runtime's {@code Assembly}. Migrations are embedded as string literals, in
 * pieces that keep each class-file constant well under its 64 KB limit.
 */
final class DatasourceEmitter {
  /** The most characters of one constant: at most three UTF-8 bytes each, under 64 KB. */
  private static final int CONSTANT = 16_000;

  private DatasourceEmitter() {}

  /** The name of the method that defines {@code datasource}. */
  static String methodName(Datasource datasource) {
    return FunctionNames.lowerCamel(datasource.name()) + "Datasource";
  }

  /** The method defining {@code datasource}. */
  static MethodSpec method(Datasource datasource) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(methodName(datasource))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addJavadoc(
                "Datasource {@code $L}, from {@code $L}.\n", datasource.name(), datasource.file());
    if (datasource instanceof Datasource.Jdbc jdbc) {
      return method
          .returns(RuntimeTypes.JDBC_DEFINITION)
          .addStatement(
              "return new $T(\n$S,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L)",
              RuntimeTypes.JDBC_DEFINITION,
              jdbc.name(),
              optional(jdbc.url()),
              optional(jdbc.user()),
              optional(jdbc.password()),
              jdbc.maxPoolSize(),
              migrations(jdbc.migrations()),
              statements(jdbc))
          .build();
    }
    Datasource.Http http = (Datasource.Http) datasource;
    return method
        .returns(RuntimeTypes.HTTP_DEFINITION)
        .addStatement(
            "return new $T(\n$S,\n$L,\n$L,\n$L,\n$L,\n$L)",
            RuntimeTypes.HTTP_DEFINITION,
            http.name(),
            setting(http.baseUrl()),
            headers(http),
            Durations.code(http.timeout()),
            authn(http.authn()),
            retry(http.retry()))
        .build();
  }

  private static CodeBlock optional(Optional<DatasourceSetting> setting) {
    return setting
        .map(s -> CodeBlock.of("$T.of($L)", Optional.class, setting(s)))
        .orElse(CodeBlock.of("$T.empty()", Optional.class));
  }

  /** A setting: {@code Setting.literal(..)}, or one read from the config or the environment. */
  static CodeBlock setting(DatasourceSetting setting) {
    switch (setting.kind()) {
      case CONFIG:
        String pointer = "/" + String.join("/", setting.path());
        return CodeBlock.of(
            "new $T($S, (config, env) -> config.at($S).asText(null))",
            RuntimeTypes.SETTING,
            setting.source(),
            pointer);
      case ENV:
        return CodeBlock.of(
            "new $T($S, (config, env) -> env.apply($S))",
            RuntimeTypes.SETTING,
            setting.source(),
            setting.value());
      default:
        return CodeBlock.of("$T.literal($S)", RuntimeTypes.SETTING, setting.value());
    }
  }

  private static CodeBlock migrations(List<Datasource.Migration> migrations) {
    if (migrations.isEmpty()) {
      return CodeBlock.of("$T.of()", List.class);
    }
    List<CodeBlock> scripts = new ArrayList<>();
    for (Datasource.Migration migration : migrations) {
      scripts.add(
          CodeBlock.of(
              "new $T(\n$>$>$S,\n$S,\n$S,\n$L)$<$<",
              RuntimeTypes.MIGRATION_SCRIPT,
              migration.version(),
              migration.description(),
              migration.script(),
              text(migration.sql())));
    }
    return CodeBlock.of("$T.of(\n$>$>$L)$<$<", List.class, CodeBlock.join(scripts, ",\n"));
  }

  private static CodeBlock statements(Datasource.Jdbc jdbc) {
    if (jdbc.statements().isEmpty()) {
      return CodeBlock.of("$T.of()", java.util.Map.class);
    }
    // Map.ofEntries keeps no order; the runtime's definition copies into an ordered map anyway.
    List<CodeBlock> entries = new ArrayList<>();
    jdbc.statements()
        .values()
        .forEach(
            s ->
                entries.add(
                    CodeBlock.of(
                        "$T.entry(\n$>$>$S,\n$L)$<$<",
                        java.util.Map.class,
                        s.name(),
                        text(s.sql()))));
    return CodeBlock.of(
        "$T.ofEntries(\n$>$>$L)$<$<", java.util.Map.class, CodeBlock.join(entries, ",\n"));
  }

  private static CodeBlock headers(Datasource.Http http) {
    if (http.headers().isEmpty()) {
      return CodeBlock.of("$T.of()", java.util.Map.class);
    }
    List<CodeBlock> entries = new ArrayList<>();
    http.headers()
        .forEach(
            (name, value) ->
                entries.add(
                    CodeBlock.of("$T.entry($S, $L)", java.util.Map.class, name, setting(value))));
    return CodeBlock.of(
        "$T.ofEntries(\n$>$>$L)$<$<", java.util.Map.class, CodeBlock.join(entries, ",\n"));
  }

  private static CodeBlock authn(Optional<Datasource.HttpAuthn> authn) {
    if (authn.isEmpty()) {
      return CodeBlock.of("$T.empty()", Optional.class);
    }
    CodeBlock value;
    if (authn.get() instanceof Datasource.HttpAuthn.Bearer bearer) {
      value =
          CodeBlock.of(
              "new $T($L)", RuntimeTypes.HTTP_AUTHN.nestedClass("Bearer"), setting(bearer.token()));
    } else if (authn.get() instanceof Datasource.HttpAuthn.Basic basic) {
      value =
          CodeBlock.of(
              "new $T(\n$>$>$L,\n$L)$<$<",
              RuntimeTypes.HTTP_AUTHN.nestedClass("Basic"),
              setting(basic.user()),
              setting(basic.password()));
    } else {
      Datasource.HttpAuthn.ClientCredentials client =
          (Datasource.HttpAuthn.ClientCredentials) authn.get();
      value =
          CodeBlock.of(
              "new $T(\n$>$>$L,\n$L,\n$L,\n$L,\n$L)$<$<",
              RuntimeTypes.HTTP_AUTHN.nestedClass("ClientCredentials"),
              setting(client.tokenUrl()),
              setting(client.clientId()),
              setting(client.clientSecret()),
              optional(client.scope()),
              optional(client.audience()));
    }
    return CodeBlock.of("$T.of($L)", Optional.class, value);
  }

  private static CodeBlock retry(Datasource.HttpRetry retry) {
    if (retry.maxAttempts() <= 1) {
      return CodeBlock.of("$T.none()", RuntimeTypes.HTTP_RETRY);
    }
    return CodeBlock.of(
        "new $T(\n$>$>$L,\n$T.of($L),\n$L,\n$T.$L,\n$L,\n$L)$<$<",
        RuntimeTypes.HTTP_RETRY,
        retry.maxAttempts(),
        java.util.Set.class,
        retry.statuses().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")),
        retry.connectionErrors(),
        RuntimeTypes.HTTP_RETRY.nestedClass("Backoff"),
        retry.backoff().toUpperCase(Locale.ROOT),
        Durations.code(retry.interval()),
        Durations.code(retry.maxInterval()));
  }

  /**
   * SQL text as literals, a line a piece; text longer than one class-file constant allows is joined
   * at run time from several.
   */
  private static CodeBlock text(String sql) {
    List<CodeBlock> constants = new ArrayList<>();
    int start = 0;
    while (start < sql.length() || constants.isEmpty()) {
      int end = Math.min(sql.length(), start + CONSTANT);
      if (end < sql.length() && Character.isHighSurrogate(sql.charAt(end - 1))) {
        end--;
      }
      constants.add(lines(sql.substring(start, end)));
      start = end;
    }
    if (constants.size() == 1) {
      return constants.get(0);
    }
    return CodeBlock.of(
        "$T.join(\n$>$>$S,\n$L)$<$<", String.class, "", CodeBlock.join(constants, ",\n"));
  }

  private static CodeBlock lines(String text) {
    List<CodeBlock> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline + 1;
      pieces.add(Literals.wrapped(text.substring(start, end)));
      start = end;
    }
    if (pieces.size() <= 1) {
      return pieces.isEmpty() ? CodeBlock.of("$S", "") : pieces.get(0);
    }
    // The pieces after the first continue four columns further in.
    CodeBlock.Builder code = CodeBlock.builder().add(pieces.get(0)).add("$>$>");
    pieces.subList(1, pieces.size()).forEach(piece -> code.add("\n+ $L", piece));
    return code.add("$<$<").build();
  }

  /** The type a definition method returns, for callers that name it. */
  static TypeName type(Datasource datasource) {
    return datasource instanceof Datasource.Jdbc
        ? RuntimeTypes.JDBC_DEFINITION
        : RuntimeTypes.HTTP_DEFINITION;
  }
}
