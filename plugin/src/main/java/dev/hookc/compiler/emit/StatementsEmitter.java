package dev.hookc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.hookc.compiler.bind.BoundStatements;
import dev.hookc.compiler.datasource.SqlType;
import dev.hookc.compiler.naming.Names;
import dev.hookc.compiler.naming.RuntimeTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Renders a jdbc datasource's typed statements class ({@code DbStatements}): a method a statement,
 * its parameters and its rows' columns typed as the build-time check found them.
 *
 * <p>Rows are read by the runtime ({@code JdbcDatasource.query}) and converted here: integer
 * columns to {@code Long} and numeric ones to {@code BigDecimal} whatever the driver's boxed type,
 * dates, times and UUIDs to their ISO-8601 text (as tasks see them), JSON and untyped columns kept
 * as read.
 */
final class StatementsEmitter {
  private static final TypeName ROW =
      ParameterizedTypeName.get(Map.class, String.class, Object.class);

  private StatementsEmitter() {}

  static JavaFile emit(BoundStatements bound) {
    Set<SqlType> read = EnumSet.noneOf(SqlType.class);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(bound.type())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(Names.generated())
            .addJavadoc(
                "The statements of jdbc datasource {@code $L} ($L), typed as the build checked"
                    + " them.\n\n"
                    + "<p>Integer columns read as {@code Long}, numeric ones as {@code BigDecimal},"
                    + " booleans as {@code Boolean}, text as {@code String}; dates, times and UUIDs"
                    + " as their ISO-8601 {@code String}, as tasks see them; JSON and columns of"
                    + " a type the build could not tell as the driver gives them. A SQL"
                    + " {@code NULL} is {@code null}.\n",
                bound.datasource(),
                bound.file())
            .addField(
                FieldSpec.builder(
                        RuntimeTypes.JDBC_DATASOURCE,
                        "datasource",
                        Modifier.PRIVATE,
                        Modifier.FINAL)
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "Runs the statements on {@code datasource}, the jdbc datasource {@code"
                            + " $L}.\n",
                        bound.datasource())
                    .addParameter(RuntimeTypes.JDBC_DATASOURCE, "datasource")
                    .addStatement(
                        "this.datasource = $T.requireNonNull(datasource, $S)",
                        Objects.class,
                        "datasource")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("datasource")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The datasource the statements run on.\n")
                    .returns(RuntimeTypes.JDBC_DATASOURCE)
                    .addStatement("return datasource")
                    .build())
            .addMethod(inTransaction());
    for (BoundStatements.Statement statement : bound.statements()) {
      type.addMethod(method(bound, statement));
      statement.columns().ifPresent(c -> type.addType(row(statement, c, read)));
    }
    type.addMethod(arguments());
    if (read.contains(SqlType.INTEGER)) {
      type.addMethod(
          converter(
              "longValue", TypeName.get(Long.class), CodeBlock.of("((Number) value).longValue()")));
    }
    if (read.contains(SqlType.NUMERIC)) {
      // A DECIMAL column reads as BigDecimal, a DOUBLE or REAL one as Double: its decimal text.
      type.addMethod(
          MethodSpec.methodBuilder("decimalValue")
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(BigDecimal.class)
              .addParameter(Object.class, "value")
              .beginControlFlow("if (value == null || value instanceof $T)", BigDecimal.class)
              .addStatement("return ($T) value", BigDecimal.class)
              .endControlFlow()
              .addStatement("return new $T(value.toString())", BigDecimal.class)
              .build());
    }
    return JavaFile.builder(bound.type().packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  private static MethodSpec inTransaction() {
    TypeVariableName t = TypeVariableName.get("T");
    return MethodSpec.methodBuilder("inTransaction")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Runs {@code work} in one transaction, as {@link $T#inTransaction} does: the statements"
                + " it runs commit or roll back together.\n",
            RuntimeTypes.JDBC_DATASOURCE)
        .addTypeVariable(t)
        .returns(t)
        .addParameter(ParameterizedTypeName.get(RuntimeTypes.TRANSACTION_WORK, t), "work")
        .addStatement("return datasource.inTransaction(work)")
        .build();
  }

  private static MethodSpec method(BoundStatements bound, BoundStatements.Statement statement) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(statement.method())
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Runs statement {@code $L} ($L:$L).\n\n",
                statement.name(),
                bound.file(),
                statement.line());
    List<CodeBlock> pairs = new ArrayList<>();
    for (BoundStatements.Value parameter : statement.parameters()) {
      method.addParameter(
          ParameterSpec.builder(javaType(parameter.type()), parameter.javaName()).build());
      pairs.add(CodeBlock.of("$S, $N", parameter.sqlName(), parameter.javaName()));
    }
    // The field, not a parameter of the same name.
    if (statement.columns().isEmpty()) {
      CodeBlock oneLine =
          CodeBlock.of(
              "return this.datasource.update($S, $L)", statement.name(), arguments(pairs, 0, ""));
      return method
          .addJavadoc("@return the number of rows it changed\n")
          .returns(TypeName.INT)
          .addStatement(
              Widths.fits(4, CodeBlock.of("$L;", oneLine))
                  ? oneLine
                  : CodeBlock.of(
                      "return this.datasource.update(\n$S,\n$L)",
                      statement.name(),
                      arguments(pairs, 8, ");")))
          .build();
    }
    CodeBlock chain = CodeBlock.of(".stream().map($T::of).toList()", statement.row());
    CodeBlock oneLine =
        CodeBlock.of(
            "return this.datasource.query($S, $L)$L",
            statement.name(),
            arguments(pairs, 0, ""),
            chain);
    CodeBlock query = CodeBlock.of(".query($S, $L)", statement.name(), arguments(pairs, 0, ""));
    if (!Widths.fits(8, query)) {
      query =
          CodeBlock.of(".query(\n$>$>$S,\n$L$<$<)", statement.name(), arguments(pairs, 12, ")"));
    }
    return method
        .addJavadoc("@return its rows, in the order the database gives them\n")
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), statement.row()))
        .addStatement(
            Widths.fits(4, CodeBlock.of("$L;", oneLine))
                ? oneLine
                : CodeBlock.of(
                    "return this.datasource\n$L\n.stream()\n.map($T::of)\n.toList()",
                    query,
                    statement.row()))
        .build();
  }

  /**
   * {@code arguments("id", id, ...)}: on one line when it and {@code after} fit from column {@code
   * indent}, else a name and its value a line.
   */
  private static CodeBlock arguments(List<CodeBlock> pairs, int indent, String after) {
    CodeBlock oneLine = CodeBlock.of("arguments($L)", CodeBlock.join(pairs, ", "));
    if (pairs.isEmpty() || Widths.fits(indent, CodeBlock.of("$L$L", oneLine, after))) {
      return oneLine;
    }
    return CodeBlock.of("arguments(\n$>$>$L$<$<)", CodeBlock.join(pairs, ",\n"));
  }

  private static TypeSpec row(
      BoundStatements.Statement statement, List<BoundStatements.Value> columns, Set<SqlType> read) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    List<CodeBlock> values = new ArrayList<>();
    for (BoundStatements.Value column : columns) {
      constructor.addParameter(
          ParameterSpec.builder(javaType(column.type()), column.javaName()).build());
      read.add(column.type());
      values.add(value(column));
    }
    return TypeSpec.recordBuilder(statement.row())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A row of statement {@code $L}.\n", statement.name())
        .recordConstructor(constructor.build())
        .addMethod(
            MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.STATIC)
                .returns(statement.row())
                .addParameter(ROW, "row")
                .addStatement(
                    "return $L",
                    Widths.call(6, "return ", CodeBlock.of("new $T(", statement.row()), values))
                .build())
        .build();
  }

  /** How a column's value, as the runtime read it, becomes its component's type. */
  private static CodeBlock value(BoundStatements.Value column) {
    CodeBlock read = CodeBlock.of("row.get($S)", column.sqlName());
    return switch (column.type()) {
      case INTEGER -> CodeBlock.of("longValue($L)", read);
      case NUMERIC -> CodeBlock.of("decimalValue($L)", read);
      case BOOLEAN -> CodeBlock.of("($T) $L", Boolean.class, read);
      case TEXT, TEMPORAL -> CodeBlock.of("$T.toString($L, null)", Objects.class, read);
      case JSON, ANY -> read;
    };
  }

  /** The Java type of a parameter or column of {@code type}. */
  static TypeName javaType(SqlType type) {
    return switch (type) {
      case INTEGER -> TypeName.get(Long.class);
      case NUMERIC -> TypeName.get(BigDecimal.class);
      case BOOLEAN -> TypeName.get(Boolean.class);
      case TEXT, TEMPORAL -> TypeName.get(String.class);
      case JSON, ANY -> TypeName.get(Object.class);
    };
  }

  private static MethodSpec arguments() {
    return MethodSpec.methodBuilder("arguments")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ROW)
        .addParameter(Object[].class, "namesAndValues")
        .varargs()
        .addComment("Not Map.of, which refuses the null a parameter may be given.")
        .addStatement("$T arguments = new $T<>()", ROW, LinkedHashMap.class)
        .beginControlFlow("for (int i = 0; i < namesAndValues.length; i += 2)")
        .addStatement("arguments.put((String) namesAndValues[i], namesAndValues[i + 1])")
        .endControlFlow()
        .addStatement("return arguments")
        .build();
  }

  private static MethodSpec converter(String name, TypeName type, CodeBlock convert) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type)
        .addParameter(Object.class, "value")
        .addStatement("return value == null ? null : $L", convert)
        .build();
  }
}
