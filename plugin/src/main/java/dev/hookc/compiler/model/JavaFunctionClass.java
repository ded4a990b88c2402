package dev.hookc.compiler.model;

import dev.hookc.compiler.diag.Location;
import java.util.List;
import java.util.Optional;

/**
 * What hookc reads of one Java source file among a project's functions ({@code
 * <package>.functions}): the class named after the file, the return type its {@code apply}
 * declares, and its constructors. javac remains the judge of the rest of the file.
 *
 * @param file the file as diagnostics name it (relative to the project when inside it)
 * @param className the file's name without {@code .java}
 * @param declaration where the class of that name is declared (its name); empty when the file
 *     declares none or could not be read
 * @param isFunction whether the class looks like a Java function: it implements {@code
 *     <className>Function} or declares {@code apply}
 * @param result the return type of the {@code apply} the class itself declares; empty when it
 *     declares none (or the file could not be read)
 * @param constructors the constructors the class declares; none means Java's default one
 */
public record JavaFunctionClass(
    String file,
    String className,
    Optional<Location> declaration,
    boolean isFunction,
    Optional<Result> result,
    List<Constructor> constructors) {

  public JavaFunctionClass {
    constructors = List.copyOf(constructors);
  }

  /** A file that could not be read, or declares no class of its name: only its existence counts. */
  public static JavaFunctionClass unread(String file, String className) {
    return new JavaFunctionClass(
        file, className, Optional.empty(), false, Optional.empty(), List.of());
  }

  /** How a task reads what the function's {@code apply} returns, decided by its declared type. */
  public enum ResultRule {
    /** {@code Status}: the status itself. */
    STATUS,
    /**
     * {@code Object}, or no declaration hookc can read: Godspeed's rules, where an object with
     * {@code success} or {@code code} is a status and anything else the data of a 200.
     */
    GODSPEED,
    /** Any other type: always the data of a 200, whatever keys it has. */
    DATA
  }

  /** How a task reads what this function returns. */
  public ResultRule resultRule() {
    if (result.isEmpty()) {
      return ResultRule.GODSPEED;
    }
    JavaType type = result.get().type();
    if (type.is("dev.hookc.runtime.workflow.Status") || type.is("Status")) {
      return ResultRule.STATUS;
    }
    return type.is("java.lang.Object") ? ResultRule.GODSPEED : ResultRule.DATA;
  }

  /** The return type {@code apply} declares, and where. */
  public record Result(JavaType type, Location location) {}

  /**
   * A declared constructor.
   *
   * @param isPublic whether it is {@code public}
   * @param location where it is declared (its name)
   * @param parameters its parameters in order
   * @param thrown the exception types it declares it throws, and where
   */
  public record Constructor(
      boolean isPublic, Location location, List<Parameter> parameters, List<Thrown> thrown) {

    public Constructor {
      parameters = List.copyOf(parameters);
      thrown = List.copyOf(thrown);
    }
  }

  /** An exception type a constructor declares it throws, and where the type is written. */
  public record Thrown(JavaType type, Location location) {}

  /** A constructor parameter: its name, type and where its type is written. */
  public record Parameter(String name, JavaType type, Location location) {}
}
