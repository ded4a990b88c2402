package dev.hookc.plugin;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What {@code hookc:run} does once the project is built: runs its application in a {@link
 * ChildApplication} and, in watch mode, rebuilds it with {@link HotRebuild} whenever {@link
 * SourceWatcher} reports a change, restarting it only when the rebuild succeeded. A rebuild that
 * fails prints its located errors and leaves the running application alone; nothing a change does
 * ends the session, only {@link #close} (Ctrl-C) does.
 */
final class RunSession implements AutoCloseable {
  /** How long the application may wait for the line that says it serves. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Where the session's lines go.
   *
   * @param output the application's own output
   * @param info the session's progress: restarts and their times
   * @param warning located warnings of a rebuild
   * @param error located errors of a rebuild, and an application that exited
   */
  record Console(
      Consumer<String> output,
      Consumer<String> info,
      Consumer<String> warning,
      Consumer<String> error) {}

  private final ChildApplication.Command command;
  private final DevArchive archive;
  private final Console console;
  private final Duration stopGrace;
  private ChildApplication application;
  private boolean closed;
  private volatile boolean watching;

  /**
   * A session that starts {@code command}, with the options of {@code archive} when there is one,
   * reports to {@code console}, and gives the application {@code stopGrace} to stop before it is
   * killed.
   */
  RunSession(
      ChildApplication.Command command, DevArchive archive, Console console, Duration stopGrace) {
    this.command = command;
    this.archive = archive;
    this.console = console;
    this.stopGrace = stopGrace;
  }

  /** Starts the application and waits until it serves, or exited, or the start timeout passed. */
  void start() throws IOException, InterruptedException {
    ChildApplication started = launch();
    if (started != null && started.awaitServing(START_TIMEOUT) && archive != null) {
      // From the class list the application just wrote, while nobody waits for a restart.
      Thread dump = new Thread(archive::dump, "hookc-dependencies-archive");
      dump.setDaemon(true);
      dump.start();
    }
  }

  /**
   * Runs without watching: waits until the application exits by itself, and returns its exit
   * status; -1 when the session was closed first.
   */
  int awaitExit() throws InterruptedException {
    ChildApplication running;
    synchronized (this) {
      running = application;
    }
    if (running == null) {
      return -1;
    }
    int status = running.awaitExit();
    synchronized (this) {
      return closed ? -1 : status;
    }
  }

  /**
   * Rebuilds and restarts on every change {@code watcher} reports, until the thread is interrupted
   * or the session closed.
   */
  void watch(SourceWatcher watcher, HotRebuild rebuild) throws IOException, InterruptedException {
    watching = true;
    // While the user reads the first lines: the first change then restarts as fast as the next.
    Thread warmUp = new Thread(rebuild::warmUp, "hookc-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    while (!isClosed()) {
      Optional<SourceWatcher.Changes> changes = watcher.await(Duration.ofSeconds(1));
      if (changes.isPresent()) {
        changed(changes.get(), rebuild);
      }
    }
  }

  /**
   * Stops the application, with its grace; no application starts after this. Interrupted while
   * waiting, it kills the application.
   */
  @Override
  public synchronized void close() {
    closed = true;
    if (application != null) {
      try {
        application.stop(stopGrace);
      } catch (InterruptedException e) {
        application.kill();
        Thread.currentThread().interrupt();
      }
      application = null;
    }
  }

  private void changed(SourceWatcher.Changes changes, HotRebuild rebuild)
      throws IOException, InterruptedException {
    String files = GenerationResult.plural(changes.files().size(), "file") + " changed";
    long rebuilding = System.nanoTime();
    HotRebuild.Result result = rebuild.rebuild(changes.files());
    long restarting = System.nanoTime();
    result.warnings().forEach(console.warning());
    switch (result.kind()) {
      case FAILED -> {
        result.errors().forEach(console.error());
        console
            .info()
            .accept(
                "hookc: not restarted ("
                    + files
                    + "); the application keeps running its last build until the errors above are"
                    + " fixed");
        return;
      }
      case UNCHANGED -> {
        if (isRunning()) {
          console.info().accept("hookc: nothing to restart (" + files + ", no class changed)");
          return;
        }
        // An application that exited by itself starts again on any change.
      }
      case READY -> {
        // Restarted below.
      }
    }
    ChildApplication started;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (application != null) {
        application.stop(stopGrace);
        application = null;
      }
      rebuild.install();
      started = launch();
    }
    if (started == null) {
      return;
    }
    if (started.awaitServing(START_TIMEOUT)) {
      long now = System.nanoTime();
      console
          .info()
          .accept(
              "hookc: restarted in "
                  + millis(now - changes.firstSeenNanos())
                  + " ms ("
                  + files
                  + "; rebuild "
                  + millis(restarting - rebuilding)
                  + " ms, restart "
                  + millis(now - restarting)
                  + " ms)");
    } else if (started.isAlive()) {
      console
          .info()
          .accept(
              "hookc: restarted ("
                  + files
                  + "), not serving after "
                  + START_TIMEOUT.toSeconds()
                  + " s");
    }
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private synchronized boolean isRunning() {
    return application != null && application.isAlive();
  }

  /** Starts the application unless the session is closed; null when it is. */
  private synchronized ChildApplication launch() throws IOException {
    if (closed) {
      return null;
    }
    application =
        ChildApplication.start(
            archive == null ? command : command.withJvmArguments(archive.options()),
            console.output(),
            status -> {
              // Without watching, the goal itself reports the exit.
              if (watching) {
                console
                    .error()
                    .accept(
                        "hookc: the application exited with status "
                            + status
                            + "; save a change to start it again");
              }
            });
    return application;
  }
}
