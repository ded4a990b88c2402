package dev.hookc.plugin;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells one build of this plugin from another: a rebuilt snapshot keeps its version but must still
 * regenerate.
 */
final class PluginJar {
  private PluginJar() {}

  /**
   * The plugin jar's size and modification time. A plugin run from a classes directory (inside its
   * own reactor) gets a value that never repeats, since rewritten class files do not change the
   * directory's time.
   */
  static String identity() {
    try {
      Path jar =
          Path.of(PluginJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return "classes@" + System.nanoTime();
      }
      return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown@" + System.nanoTime();
    }
  }
}
