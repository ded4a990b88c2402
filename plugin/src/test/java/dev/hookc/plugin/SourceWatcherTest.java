package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the watcher reports, on a real directory tree. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SourceWatcherTest {
  private static final Duration QUIET = Duration.ofMillis(200);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path project;

  @Test
  void reportsAFileWrittenInAWatchedDirectory() throws Exception {
    Path events = Files.createDirectories(project.resolve("src/events"));
    try (SourceWatcher watcher = SourceWatcher.watch(List.of(events), QUIET)) {
      Files.writeString(events.resolve("hooks.yaml"), "http.post./hook:\n");

      assertThat(watcher.await(WAIT))
          .map(SourceWatcher.Changes::files)
          .contains(Set.of(events.resolve("hooks.yaml").toAbsolutePath()));
    }
  }

  @Test
  void reportsABurstOfSavesAsOneChange() throws Exception {
    Path functions = Files.createDirectories(project.resolve("src/functions"));
    Path file = functions.resolve("ack.yaml");
    try (SourceWatcher watcher = SourceWatcher.watch(List.of(functions), QUIET)) {
      Thread editor =
          new Thread(
              () -> {
                try {
                  // An editor's save: several writes a few ms apart, and a backup file.
                  for (int i = 0; i < 5; i++) {
                    Files.writeString(file, "id: ack\n# " + i + "\n");
                    Thread.sleep(10);
                  }
                  Files.writeString(functions.resolve("ack.yaml~"), "backup");
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      editor.start();

      Optional<SourceWatcher.Changes> changes = watcher.await(WAIT);
      editor.join();

      assertThat(changes).map(SourceWatcher.Changes::files).contains(Set.of(file.toAbsolutePath()));
      assertThat(watcher.await(QUIET.multipliedBy(3))).isEmpty();
    }
  }

  @Test
  void reportsNothingForEditorFilesNorForAFileRewrittenUnchanged() throws Exception {
    Path events = Files.createDirectories(project.resolve("src/events"));
    Path file = events.resolve("hooks.yaml");
    Files.writeString(file, "http.post./hook:\n");
    try (SourceWatcher watcher = SourceWatcher.watch(List.of(events), QUIET)) {
      Files.writeString(events.resolve(".hooks.yaml.swp"), "swap");
      Files.writeString(events.resolve("hooks.yaml~"), "backup");
      Files.writeString(events.resolve("#hooks.yaml#"), "autosave");
      Files.setLastModifiedTime(file, Files.getLastModifiedTime(file));

      // Longer than the rescan, which would also report them.
      assertThat(watcher.await(SourceWatcher.RESCAN.plusMillis(500))).isEmpty();
    }
  }

  @Test
  void watchesADirectoryThatAppearsAfterTheStartAndItsNewSubdirectories() throws Exception {
    Path config = project.resolve("config");
    try (SourceWatcher watcher = SourceWatcher.watch(List.of(config), QUIET)) {
      Files.createDirectories(config);
      Files.writeString(config.resolve("default.yaml"), "greeting: hi\n");

      assertThat(watcher.await(WAIT))
          .map(SourceWatcher.Changes::files)
          .contains(Set.of(config.resolve("default.yaml").toAbsolutePath()));

      Path nested = Files.createDirectories(config.resolve("env/eu"));
      Files.writeString(nested.resolve("production.yaml"), "greeting: hallo\n");

      assertThat(watcher.await(WAIT))
          .map(SourceWatcher.Changes::files)
          .contains(Set.of(nested.resolve("production.yaml").toAbsolutePath()));
    }
  }

  @Test
  void reportsADeletedFile() throws Exception {
    Path java = Files.createDirectories(project.resolve("src/main/java/com/example"));
    Path file = java.resolve("Old.java");
    Files.writeString(file, "class Old {}\n");
    try (SourceWatcher watcher =
        SourceWatcher.watch(List.of(project.resolve("src/main/java")), QUIET)) {
      Files.delete(file);

      assertThat(watcher.await(WAIT))
          .map(SourceWatcher.Changes::files)
          .contains(Set.of(file.toAbsolutePath()));
    }
  }
}
