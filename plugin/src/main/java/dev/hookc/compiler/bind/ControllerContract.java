package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.model.EventContract;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.Parameter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a controller enforces besides the body schema, with the generated methods it calls.
 *
 * @param contract the event's contract as read
 * @param parameterChecks the contract-class method of each parameter with a schema, by {@link #key}
 * @param responseValidators the validator of each declared response schema, by status or {@code
 *     default}
 * @param responses how a response that breaks its schema is handled
 */
public record ControllerContract(
    EventContract contract,
    Map<String, ParameterCheck> parameterChecks,
    Map<String, ClassName> responseValidators,
    HttpSettings.ResponseValidation responses) {

  public ControllerContract {
    parameterChecks = Map.copyOf(parameterChecks);
    responseValidators = new TreeMap<>(responseValidators);
  }

  /** The key of a parameter in {@link #parameterChecks}: {@code query:limit}. */
  public static String key(Parameter parameter) {
    return parameter.key();
  }

  /** The method that checks {@code parameter} against its schema, when it declares one. */
  public Optional<ParameterCheck> parameterCheck(Parameter parameter) {
    return Optional.ofNullable(parameterChecks.get(key(parameter)));
  }
}
