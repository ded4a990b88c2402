package dev.hookc.plugin;

import dev.hookc.compiler.CompileRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run of the {@code generate-sources} goal is asked to do: the compiler's request and the
 * plugin's own settings, taken from the Mojo's parameters.
 *
 * @param compile what to compile, and where the sources go
 * @param stateFile where the last successful generation is remembered
 * @param failOnWarning whether a warning fails the build
 * @param pluginVersion the plugin's version, which the up-to-date check compares
 * @param pluginJar the plugin jar's identity, see {@link PluginJar}
 */
record GenerationRequest(
    CompileRequest compile,
    Path stateFile,
    boolean failOnWarning,
    String pluginVersion,
    String pluginJar) {

  /** The settings besides {@link #compile} that decide what is generated, by name. */
  Map<String, String> settings() {
    Map<String, String> settings = new TreeMap<>();
    settings.put("pluginVersion", pluginVersion);
    settings.put("pluginJar", pluginJar);
    settings.put("failOnWarning", Boolean.toString(failOnWarning));
    // Only when true, so that the state of projects without Kafka stays as it was.
    if (compile.kafkaModule()) {
      settings.put("kafkaModule", "true");
    }
    return settings;
  }
}
