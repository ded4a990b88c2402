package dev.hookc.compiler.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What an event asks of a request beyond its body schema.
 *
 * @param maxBodyBytes the event's own body limit ({@code max_body_size}), if given
 * @param bodyRequired whether an empty body is refused ({@code body.required}, default true)
 * @param parameters the declared parameters with their conversions, in declaration order
 * @param formFields how each top-level property of the body schema converts from a form field
 */
public record EventContract(
    OptionalLong maxBodyBytes,
    boolean bodyRequired,
    List<TypedParameter> parameters,
    Map<String, TextConversion> formFields) {

  public EventContract {
    parameters = List.copyOf(parameters);
    formFields = Collections.unmodifiableMap(new TreeMap<>(formFields));
  }

  /** A declared parameter and how its text converts. */
  public record TypedParameter(Parameter parameter, TextConversion conversion) {}
}
