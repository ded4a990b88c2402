package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * The contract class of an event: one static method per parameter that declares a schema, so that
 * an event's parameter checks read as one class rather than one class each.
 *
 * @param name the class
 * @param checks its methods, in the order the parameters are declared
 */
public record ParameterContract(ClassName name, List<ParameterCheck> checks) {

  public ParameterContract {
    checks = List.copyOf(checks);
  }
}
