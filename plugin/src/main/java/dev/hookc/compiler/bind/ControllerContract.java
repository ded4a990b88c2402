package dev.hookc.compiler.bind;

import com.palantir.javapoet.ClassName;
import dev.hookc.compiler.model.EventContract;
import dev.hookc.compiler.model.HttpSettings;
import dev.hookc.compiler.model.Parameter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a controller enforces besides the body schema, with the generated validators it calls.
 *
 * @param contract the event's contract as read
 * @param parameterValidators the validator of each parameter with a schema, by {@link #key}
 * @param responseValidators the validator of each declared response schema, by status or {@code
 *     default}
 * @param responses how a response that breaks its schema is handled
 */
public record ControllerContract(
    EventContract contract,
    Map<String, ClassName> parameterValidators,
    Map<String, ClassName> responseValidators,
    HttpSettings.ResponseValidation responses) {

  public ControllerContract {
    parameterValidators = Map.copyOf(parameterValidators);
    responseValidators = new TreeMap<>(responseValidators);
  }

  /** The key of a parameter in {@link #parameterValidators}: {@code query:limit}. */
  public static String key(Parameter parameter) {
    return parameter.key();
  }

  public Optional<ClassName> parameterValidator(Parameter parameter) {
    return Optional.ofNullable(parameterValidators.get(key(parameter)));
  }
}
