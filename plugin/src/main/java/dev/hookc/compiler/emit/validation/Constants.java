package dev.hookc.compiler.emit.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.hookc.compiler.naming.RuntimeTypes;
import dev.hookc.compiler.schema.PatternSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The {@code static final} fields of a validator class: compiled patterns, exact decimals, JSON
 * literals and name sets, built once when the class loads rather than per request.
 */
final class Constants {
  static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  static final ClassName JSON_VALUES = RuntimeTypes.JSON_VALUES;

  private final List<FieldSpec> fields = new ArrayList<>();
  private final Map<String, String> byValue = new HashMap<>();
  private final Set<String> names = new HashSet<>();

  /**
   * A {@code TextPattern} field for {@code source}: compiled for linear time, or bounded by a step
   * budget when only a backtracking engine runs it.
   */
  String pattern(String stem, PatternSource source) {
    ClassName type = RuntimeTypes.TEXT_PATTERN;
    String factory = source.linear() ? "compile" : "compileBounded";
    return field(
        "pattern:" + factory + ":" + source.regex(),
        stem,
        "PATTERN",
        type,
        CodeBlock.of("$T.$N($S)", type, factory, source.regex()));
  }

  /** A {@code BigDecimal} field holding {@code value} exactly. */
  String decimal(String stem, String suffix, BigDecimal value) {
    ClassName type = ClassName.get(BigDecimal.class);
    return field(
        "decimal:" + value.toString(),
        stem,
        suffix,
        type,
        CodeBlock.of("new $T($S)", type, value.toString()));
  }

  /** A {@code JsonNode} field parsed from {@code json}. */
  String json(String stem, String suffix, String json) {
    return field(
        "json:" + json, stem, suffix, JSON_NODE, CodeBlock.of("$T.parse($S)", JSON_VALUES, json));
  }

  /** A {@code Set<String>} field of {@code values}, in the order given. */
  String stringSet(String stem, String suffix, List<String> values) {
    TypeName type = ParameterizedTypeName.get(Set.class, String.class);
    CodeBlock.Builder init = CodeBlock.builder().add("$T.of(", Set.class);
    for (int i = 0; i < values.size(); i++) {
      init.add(i == 0 ? "$S" : ", $S", values.get(i));
    }
    return field("set:" + values, stem, suffix, type, init.add(")").build());
  }

  List<FieldSpec> fields() {
    return List.copyOf(fields);
  }

  private String field(String key, String stem, String suffix, TypeName type, CodeBlock init) {
    String existing = byValue.get(key);
    if (existing != null) {
      return existing;
    }
    String base = upperSnake(stem) + "_" + suffix;
    String name = base;
    for (int i = 2; !names.add(name); i++) {
      name = base + "_" + i;
    }
    fields.add(
        FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(init)
            .build());
    byValue.put(key, name);
    return name;
  }

  private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

  static String upperSnake(String camel) {
    return WORD_BOUNDARY.matcher(camel).replaceAll("$1_$2").toUpperCase(Locale.ROOT);
  }
}
