package dev.hookc.runtime.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Dispatches a method named at build time to {@link JsMethods} once the receiver's kind is known.
 */
final class JsMethodCalls {
  private JsMethodCalls() {}

  static Object onString(String s, String method, Object[] args) {
    return switch (method) {
      case "includes" -> JsMethods.includes(s, str(args, 0));
      case "startsWith" -> JsMethods.startsWith(s, str(args, 0));
      case "endsWith" -> JsMethods.endsWith(s, str(args, 0));
      case "toUpperCase" -> JsMethods.toUpperCase(s);
      case "toLowerCase" -> JsMethods.toLowerCase(s);
      case "trim" -> JsMethods.trim(s);
      case "split" -> JsMethods.split(s, str(args, 0));
      case "indexOf" -> JsMethods.indexOf(s, str(args, 0));
      case "slice" -> JsMethods.slice(s, num(args, 0), num(args, 1));
      case "substring" -> JsMethods.substring(s, num(args, 0), num(args, 1));
      case "replace" -> JsMethods.replace(s, str(args, 0), str(args, 1));
      case "concat" -> JsMethods.concat(s, args);
      default -> null;
    };
  }

  static Object onList(List<JsonNode> list, String method, Object[] args) {
    return switch (method) {
      case "includes" -> JsMethods.includes(list, arg(args, 0));
      case "indexOf" -> JsMethods.indexOf(list, arg(args, 0));
      case "join" -> JsMethods.join(list, args.length > 0 ? Js.string(args[0]) : null);
      case "slice" -> JsMethods.slice(list, num(args, 0), num(args, 1));
      case "concat" -> concat(list, args);
      default -> null;
    };
  }

  private static List<JsonNode> concat(List<JsonNode> list, Object[] args) {
    List<JsonNode> joined = new java.util.ArrayList<>(list);
    for (Object arg : args) {
      JsonNode node = Js.node(arg);
      if (node.isArray()) {
        node.forEach(joined::add);
      } else {
        joined.add(node);
      }
    }
    return joined;
  }

  private static Object arg(Object[] args, int i) {
    return i < args.length ? args[i] : null;
  }

  private static String str(Object[] args, int i) {
    return Js.string(arg(args, i));
  }

  private static Long num(Object[] args, int i) {
    return JsMethods.integer(arg(args, i));
  }
}
