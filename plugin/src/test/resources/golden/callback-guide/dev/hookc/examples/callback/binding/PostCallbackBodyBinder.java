package dev.hookc.examples.callback.binding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.examples.callback.model.PostCallbackBody;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.internal.TreeBinding;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Binds validated request bodies to {@link PostCallbackBody} without reflection.
 */
@Generated("dev.hookc.compiler")
public final class PostCallbackBodyBinder {
  private PostCallbackBodyBinder() {
  }

  /**
   * {@code json} bound to {@link PostCallbackBody}, as {@link Json#bind} binds it.
   *
   * @throws dev.hookc.runtime.HttpProblem 400 if a value does not fit
   */
  public static PostCallbackBody bind(JsonNode json) {
    try {
      return postCallbackBody(json);
    } catch (TreeBinding.Unsupported e) {
      // A value Jackson would coerce or reject: Jackson decides, with its errors.
      return Json.bind(json, PostCallbackBody.class);
    }
  }

  private static PostCallbackBody postCallbackBody(JsonNode node) {
    if (!TreeBinding.isObject(node)) {
      return null;
    }
    PostCallbackBody value = new PostCallbackBody();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      switch (field.getKey()) {
        case "status" -> value.setStatus(TreeBinding.string(field.getValue()));
        case "data" -> value.setData(field.getValue());
        case "additionalProperties" -> throw TreeBinding.unsupported();
        default ->
            value.setAdditionalProperty(field.getKey(), TreeBinding.untyped(field.getValue()));
      }
    }
    return value;
  }
}
