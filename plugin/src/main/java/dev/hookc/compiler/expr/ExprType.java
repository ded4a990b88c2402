package dev.hookc.compiler.expr;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The static type of an expression, and the Java type its generated code has.
 *
 * <ul>
 *   <li>{@link StringType} is {@code String}, {@link IntegerType} {@code Long}, {@link NumberType}
 *       {@code BigDecimal}, {@link BooleanType} {@code Boolean};
 *   <li>{@link ListType} is a {@code java.util.List} of its element's Java type;
 *   <li>{@link PojoType} is a generated payload class, read through its getters;
 *   <li>{@link ObjectType} is a JSON object with known keys, a Jackson {@code JsonNode};
 *   <li>{@link DynamicType} is a Jackson {@code JsonNode}: its fields are unknown at build time, so
 *       access is checked at runtime and a missing field reads as {@code null}.
 * </ul>
 */
public sealed interface ExprType {

  /** The Java type of generated code that evaluates to a value of this type. */
  TypeName javaType();

  /** How the type is named in messages: {@code string}, {@code object CallbackBody}, ... */
  String displayName();

  /** The name with its indefinite article, for messages: {@code an integer}, {@code a string}. */
  default String withArticle() {
    return Article.of(displayName());
  }

  /** {@code String}. */
  record StringType() implements ExprType {
    @Override
    public TypeName javaType() {
      return ClassName.get(String.class);
    }

    @Override
    public String displayName() {
      return "string";
    }
  }

  /** A JSON integer, {@code Long} in Java. */
  record IntegerType() implements ExprType {
    @Override
    public TypeName javaType() {
      return ClassName.get(Long.class);
    }

    @Override
    public String displayName() {
      return "integer";
    }
  }

  /** A JSON number that may have a fraction, {@code BigDecimal} in Java (no precision lost). */
  record NumberType() implements ExprType {
    @Override
    public TypeName javaType() {
      return ClassName.get(java.math.BigDecimal.class);
    }

    @Override
    public String displayName() {
      return "number";
    }
  }

  /** {@code Boolean}. */
  record BooleanType() implements ExprType {
    @Override
    public TypeName javaType() {
      return ClassName.get(Boolean.class);
    }

    @Override
    public String displayName() {
      return "boolean";
    }
  }

  /** The type of the literal {@code null}. */
  record NullType() implements ExprType {
    @Override
    public TypeName javaType() {
      return ClassName.OBJECT;
    }

    @Override
    public String displayName() {
      return "null";
    }
  }

  /** A list whose items have one type. */
  record ListType(ExprType element) implements ExprType {
    @Override
    public TypeName javaType() {
      return ParameterizedTypeName.get(ClassName.get(java.util.List.class), element.javaType());
    }

    @Override
    public String displayName() {
      return "list of " + element.displayName();
    }
  }

  /**
   * A generated payload class (from a JSON Schema object with {@code properties}).
   *
   * @param javaClass the generated class
   * @param properties the declared properties by JSON name, in schema order
   * @param open whether undeclared properties are allowed ({@code additionalProperties} is not
   *     {@code false}); reading an undeclared one is then dynamic instead of an error
   */
  record PojoType(ClassName javaClass, Map<String, Property> properties, boolean open)
      implements ExprType {

    public PojoType {
      properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * A declared property: its JSON name, type and the getter that reads it.
     *
     * @param required whether the getter never returns {@code null} (the schema requires it and the
     *     payload was validated), so reads through it need no null check
     * @param unavailable present when reading the property is a build error, and why: an input that
     *     the requests reaching this code do not carry
     */
    public record Property(
        String name,
        ExprType type,
        String getter,
        boolean required,
        java.util.Optional<Unavailable> unavailable) {

      /** A property that can be read. */
      public Property(String name, ExprType type, String getter, boolean required) {
        this(name, type, getter, required, java.util.Optional.empty());
      }

      /** A property that may be absent. */
      public Property(String name, ExprType type, String getter) {
        this(name, type, getter, false);
      }

      /** A property whose reading is reported with {@code message} and {@code hint}. */
      public static Property unavailable(String name, String getter, String message, String hint) {
        return new Property(
            name, DYNAMIC, getter, false, java.util.Optional.of(new Unavailable(message, hint)));
      }
    }

    /** Why a property cannot be read here, as the diagnostic says it. */
    public record Unavailable(String message, String hint) {}

    @Override
    public TypeName javaType() {
      return javaClass;
    }

    @Override
    public String displayName() {
      return "object " + javaClass.simpleName();
    }
  }

  /** A value whose shape is unknown at build time: a Jackson {@code JsonNode}. */
  record DynamicType() implements ExprType {
    @Override
    public TypeName javaType() {
      return ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    }

    @Override
    public String displayName() {
      return "any";
    }
  }

  /**
   * A JSON object whose keys are known at build time: a YAML mapping or an object literal, built at
   * runtime as a Jackson {@code ObjectNode}, or a request's declared parameters. Reading a known
   * key keeps its type; any other key is a build error, or dynamic when the object is open.
   *
   * @param fields the keys in the order written, with the type of each value
   * @param open whether other keys may be present (undeclared parameters and headers), read as
   *     dynamic values
   * @param record present when the object is a Java record a function returned, as JSON: the record
   *     and function, for messages
   */
  record ObjectType(
      Map<String, ExprType> fields, boolean open, java.util.Optional<JavaRecordOrigin> record)
      implements ExprType {

    public ObjectType {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An object with exactly these keys. */
    public ObjectType(Map<String, ExprType> fields) {
      this(fields, false);
    }

    /** An object with these keys and, when {@code open}, any other. */
    public ObjectType(Map<String, ExprType> fields, boolean open) {
      this(fields, open, java.util.Optional.empty());
    }

    @Override
    public TypeName javaType() {
      return ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    }

    @Override
    public String displayName() {
      return record.map(r -> "record " + r.record()).orElse("object");
    }
  }

  /**
   * The Java record an object was converted from: what a Java function declares it returns.
   *
   * @param record the record's simple name ({@code Payment})
   * @param function the function that returns it ({@code recordTransaction})
   */
  record JavaRecordOrigin(String record, String function) {}

  // A false positive: a class initialization deadlock needs a thread that initializes one of these
  // six records before ExprType, and nothing but these constants ever creates one.
  @SuppressWarnings("ClassInitializationDeadlock")
  ExprType STRING = new StringType();

  @SuppressWarnings("ClassInitializationDeadlock")
  ExprType INTEGER = new IntegerType();

  @SuppressWarnings("ClassInitializationDeadlock")
  ExprType NUMBER = new NumberType();

  @SuppressWarnings("ClassInitializationDeadlock")
  ExprType BOOLEAN = new BooleanType();

  @SuppressWarnings("ClassInitializationDeadlock")
  ExprType NULL = new NullType();

  @SuppressWarnings("ClassInitializationDeadlock")
  ExprType DYNAMIC = new DynamicType();
}
