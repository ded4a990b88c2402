package dev.hookc.compiler.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mistakes made at random in a YAML file's text, as a user's editing makes them: lines deleted,
 * duplicated, swapped or indented wrongly, keys renamed, values of another type, expressions cut
 * short, the file truncated.
 */
final class YamlMutations {
  private static final List<String> VALUES =
      List.of(
          "[1, 2]",
          "{a: 1}",
          "\"text\"",
          "42",
          "-1",
          "3.5",
          "true",
          "null",
          "~",
          "''",
          "[]",
          "{}",
          "<% inputs.body.nope %>",
          "<% 1 + %>",
          "<% inputs. %>",
          "<% %>",
          "<%",
          "%>",
          "<% inputs.body['x'] %>",
          "<% inputs.query.a.b.c %>",
          "<% (1 %>",
          "<% 'a' * {} %>",
          "<% nope_task.data %>",
          "<% inputs.body ? 1 : %>",
          "*alias",
          "&anchor x",
          "!!binary x",
          "!tag x",
          "|",
          ">-",
          "\"\\u12\"",
          "'unclosed",
          "[unclosed",
          "{unclosed",
          "- item",
          "99999999999999999999999",
          "1e400",
          "@x",
          "`x`",
          "\"<% inputs.body %>\"",
          "%YAML");

  private static final List<String> KEYS =
      List.of(
          "fn",
          "id",
          "tasks",
          "args",
          "body",
          "schema",
          "type",
          "properties",
          "required",
          "data",
          "code",
          "condition",
          "content",
          "application/json",
          "params",
          "query",
          "items",
          "$ref",
          "enum",
          "authn",
          "responses",
          "on_error",
          "summary",
          "in",
          "name",
          "http.post./x",
          "http.get./p/{id}",
          "definitions",
          "nosuchkey",
          "Fn",
          "task",
          "args ",
          " fn");

  private final Random random;

  YamlMutations(Random random) {
    this.random = random;
  }

  /** {@code text} with one to three mistakes. */
  String mutate(String text) {
    String mutated = text;
    for (int i = 0; i <= random.nextInt(3); i++) {
      mutated = once(mutated);
    }
    return mutated;
  }

  private String once(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    switch (random.nextInt(11)) {
      case 0 -> lines.remove(at);
      case 1 -> lines.add(at, line);
      case 2 -> {
        if (at + 1 < lines.size()) {
          lines.set(at, lines.get(at + 1));
          lines.set(at + 1, line);
        }
      }
      case 3 -> lines.set(at, " ".repeat(1 + random.nextInt(3)) + line);
      case 4 -> lines.set(at, line.replaceFirst("^ {1,3}", ""));
      case 5 -> lines.set(at, renameKey(line));
      case 6 -> lines.set(at, replaceValue(line));
      case 7 -> {
        return text.substring(0, random.nextInt(text.length() + 1));
      }
      case 8 ->
          lines.add(
              at,
              " ".repeat(random.nextInt(8))
                  + pick(KEYS)
                  + ": "
                  + (random.nextBoolean() ? pick(VALUES) : ""));
      case 9 -> lines.set(at, line.replaceFirst("^( *)", "$1\t"));
      default -> {
        int column = random.nextInt(line.length() + 1);
        lines.set(
            at,
            line.substring(0, column)
                + pick(List.of("{", "}", "[", "]", ":", "#", "\"", "'", "%", "&", "*", "|", "é"))
                + line.substring(column));
      }
    }
    return String.join("\n", lines);
  }

  private String renameKey(String line) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      return line;
    }
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    String dash = line.stripLeading().startsWith("- ") ? "- " : "";
    return indent + dash + pick(KEYS) + line.substring(colon);
  }

  private String replaceValue(String line) {
    int colon = line.indexOf(": ");
    if (colon < 0) {
      return line + " " + pick(VALUES);
    }
    return line.substring(0, colon + 2) + pick(VALUES);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
