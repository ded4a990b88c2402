package dev.hookc.compiler.load;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Suggestions;
import dev.hookc.compiler.model.HttpMethod;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and checks an event key, reporting each malformed part at its own column. */
final class EventKeyParser {
  private static final Set<String> SOURCES = Set.of("http");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Diagnostics diagnostics;

  EventKeyParser(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<EventKey> parse(YamlScalar key) {
    String text = key.value();
    int firstDot = text.indexOf('.');
    int secondDot = firstDot < 0 ? -1 : text.indexOf('.', firstDot + 1);
    if (secondDot < 0) {
      diagnostics.report(
          LoadCode.EVENT_MALFORMED_KEY,
          key.location(),
          "'" + text + "' is not an event key",
          "write '<source>.<method>.<path>', e.g. 'http.post./callback'");
      return Optional.empty();
    }
    String source = text.substring(0, firstDot);
    String method = text.substring(firstDot + 1, secondDot);
    String path = text.substring(secondDot + 1);
    boolean ok = true;
    if (!SOURCES.contains(source)) {
      diagnostics.report(
          LoadCode.EVENT_UNKNOWN_SOURCE,
          key.location(),
          "unknown event source '" + source + "'",
          Suggestions.didYouMean(source, SOURCES).orElse("hookc serves 'http' events"));
      ok = false;
    }
    if (HttpMethod.parse(method).isEmpty()) {
      List<String> names = Arrays.stream(HttpMethod.values()).map(HttpMethod::keyword).toList();
      diagnostics.report(
          LoadCode.EVENT_UNKNOWN_METHOD,
          key.locationAt(firstDot + 1),
          "unknown HTTP method '" + method + "'",
          Suggestions.didYouMean(method, names).orElse(null));
      ok = false;
    }
    if (!path.startsWith("/")) {
      diagnostics.report(
          LoadCode.EVENT_PATH_NOT_ABSOLUTE,
          key.locationAt(secondDot + 1),
          "path '" + path + "' does not start with '/'");
      return Optional.empty();
    }
    Optional<EventKey> parsed = parsePath(key, source, method, path, secondDot + 1);
    return ok ? parsed : Optional.empty();
  }

  private Optional<EventKey> parsePath(
      YamlScalar key, String source, String method, String path, int pathOffset) {
    StringBuilder normalised = new StringBuilder();
    List<EventKey.PathParameter> parameters = new ArrayList<>();
    boolean ok = true;
    int segmentStart = 0;
    for (String segment : path.split("/", -1)) {
      int offset = pathOffset + segmentStart;
      if (segmentStart > 0) {
        normalised.append('/');
      }
      segmentStart += segment.length() + 1;
      if (!isParameter(segment)) {
        normalised.append(segment);
        continue;
      }
      Optional<String> name = parameterName(segment);
      if (name.isEmpty() || !PARAMETER_NAME.matcher(name.get()).matches()) {
        diagnostics.report(
            LoadCode.EVENT_MALFORMED_PARAMETER,
            key.locationAt(offset),
            "malformed path parameter '" + segment + "'",
            "write '{name}' or ':name' as a whole path segment, the name a letter or '_' then letters, digits or '_'");
        ok = false;
        continue;
      }
      parameters.add(new EventKey.PathParameter(name.get(), offset));
      normalised.append('{').append(name.get()).append('}');
    }
    return ok
        ? Optional.of(new EventKey(source, method, normalised.toString(), parameters))
        : Optional.empty();
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith(":") || segment.contains("{") || segment.contains("}");
  }

  /** The name a parameter segment declares, or empty when it is malformed. */
  private static Optional<String> parameterName(String segment) {
    if (segment.startsWith(":")) {
      return Optional.of(segment.substring(1)).filter(s -> !s.isEmpty());
    }
    if (segment.startsWith("{") && segment.endsWith("}") && segment.indexOf('{', 1) < 0) {
      return Optional.of(segment.substring(1, segment.length() - 1));
    }
    return Optional.empty();
  }
}
