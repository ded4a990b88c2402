package dev.hookc.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Prometheus text exposition, parsed: its samples and the types of its families. */
final class Scrape {
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)( \\d+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  /** A sample: its metric name, labels and value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  final List<Sample> samples = new ArrayList<>();
  final Map<String, String> types = new HashMap<>();

  /**
   * Parses {@code text}, failing on any line that is neither a comment nor a well-formed sample.
   */
  static Scrape parse(String text) {
    Scrape scrape = new Scrape();
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ", -1);
        scrape.types.put(parts[2], parts[3]);
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new AssertionError("not a Prometheus sample: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        int end = 0;
        while (label.find() && label.start() == end) {
          labels.put(label.group(1), label.group(2));
          end = label.end();
        }
        if (end != sample.group(3).length()) {
          throw new AssertionError("malformed labels: " + line);
        }
      }
      scrape.samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
    }
    return scrape;
  }

  /** The sum of the samples named {@code name} that have every label of {@code labels}. */
  double value(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .mapToDouble(Sample::value)
        .sum();
  }

  /** Whether a sample named {@code name} with {@code labels} is there. */
  boolean has(String name, Map<String, String> labels) {
    return samples.stream()
        .anyMatch(
            s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()));
  }
}
