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
   * @param openness how a read of a property the schema does not declare is judged
   */
  record PojoType(ClassName javaClass, Map<String, Property> properties, Openness openness)
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
   * key keeps its type; how any other key is judged is the object's {@link Openness}.
   *
   * @param fields the keys in the order written, with the type of each value
   * @param openness how a read of another key is judged: an error for a mapping or literal, whose
   *     keys are all known, a warning for undeclared parameters and headers
   * @param record present when the object is a Java record a function returned, as JSON: the record
   *     and function, for messages
   */
  record ObjectType(
      Map<String, ExprType> fields, Openness openness, java.util.Optional<JavaRecordOrigin> record)
      implements ExprType {

    public ObjectType {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An object with exactly these keys. */
    public ObjectType(Map<String, ExprType> fields) {
      this(fields, Openness.CLOSED);
    }

    /** An object with these keys and others as {@code openness} says. */
    public ObjectType(Map<String, ExprType> fields, Openness openness) {
      this(fields, openness, java.util.Optional.empty());
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
   * How reading a property that an object's type does not declare is judged. Bracket access with a
   * string literal ({@code inputs.body['x-extra']}) is the explicit way to read an undeclared
   * property of an object that admits others: it reads as {@code any} without a diagnostic.
   */
  enum Openness {
    /**
     * {@code additionalProperties: false}: no other property is ever present, so a read is an
     * error.
     */
    CLOSED,
    /**
     * The schema declares properties but admits others (the JSON Schema default): a dotted read of
     * an undeclared one is most likely a misspelling, so it is a warning, and an error where the
     * value must exist (an idempotency key, a path template).
     */
    OPEN,
    /**
     * The schema is a provider's published document: the provider does not send what it does not
     * declare, so a dotted read of an undeclared property is an error.
     */
    PROVIDER,
    /**
     * Other keys are read as {@code any} without a diagnostic: what a remote service answers beyond
     * the response a datasource declares, whose shape the project does not own.
     */
    UNCHECKED;

    /** Whether a property that is not declared may be present at all. */
    public boolean admitsOthers() {
      return this != CLOSED;
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
