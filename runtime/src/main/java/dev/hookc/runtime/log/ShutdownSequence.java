package dev.hookc.runtime.log;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * What hookc does when the JVM shuts down (SIGTERM, Ctrl-C, {@code System.exit}), in one shutdown
 * hook so that the order holds: every server that asked for it stops (no new requests, those in
 * flight finish, then what the server owns closes), then the resources registered for the whole
 * process close, last registered first, then the console log, which was kept open meanwhile.
 *
 * <p>The JVM runs shutdown hooks all at once and in no order; hookc's own steps therefore share one
 * hook, and the libraries that would close things underneath it are told not to (H2 with {@code
 * DB_CLOSE_ON_EXIT=FALSE}, the JDK's log manager through {@link ConsoleLog}).
 */
public final class ShutdownSequence {
  private static final System.Logger LOG = System.getLogger("dev.hookc.runtime.HookcServer");
  private static final Object LOCK = new Object();
  // A thread never registered: removing it fails only while the JVM is shutting down.
  private static final Thread PROBE = new Thread(() -> {});

  private static final List<Runnable> stops = new ArrayList<>(); // guarded by LOCK
  private static final List<AutoCloseable> resources = new ArrayList<>(); // guarded by LOCK
  private static final List<Runnable> afterwards = new ArrayList<>(); // guarded by LOCK
  private static boolean installed; // guarded by LOCK
  private static boolean finished; // guarded by LOCK

  private ShutdownSequence() {}

  /** Runs {@code stop} (a server's) when the JVM shuts down, before the process's resources. */
  public static void stopOnShutdown(Runnable stop) {
    synchronized (LOCK) {
      if (!install()) {
        throw new IllegalStateException("the JVM is already shutting down");
      }
      stops.add(stop);
    }
  }

  /** Closes {@code resource} when the JVM shuts down, after every server has stopped. */
  public static void closeOnShutdown(AutoCloseable resource) {
    synchronized (LOCK) {
      // Opened while the JVM is already exiting, after the sequence ran or without one: left
      // open for the late request that is using it, since the process ends anyway.
      if (!finished && install()) {
        resources.add(resource);
      }
    }
  }

  /**
   * Whether the JVM is shutting down with hookc's sequence still to finish; if so, {@code then}
   * runs once it has.
   */
  public static boolean deferUntilDone(Runnable then) {
    synchronized (LOCK) {
      if (!installed || finished || !jvmShuttingDown()) {
        return false;
      }
      afterwards.add(then);
      return true;
    }
  }

  /** Closes {@code resources}, the last first; a failure is logged and the others still close. */
  public static void closeInReverse(List<? extends AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      AutoCloseable resource = resources.get(i);
      try {
        resource.close();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        LOG.log(Level.WARNING, "cannot close " + resource, e);
      }
    }
  }

  /** Installs the hook unless it is; false when it is too late, the JVM being shut down. */
  private static boolean install() {
    if (!installed) {
      try {
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownSequence::run, "hookc-shutdown"));
      } catch (IllegalStateException e) {
        return false;
      }
      installed = true;
    }
    return true;
  }

  private static boolean jvmShuttingDown() {
    try {
      Runtime.getRuntime().removeShutdownHook(PROBE);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  private static void run() {
    List<Runnable> servers;
    synchronized (LOCK) {
      servers = List.copyOf(stops);
    }
    try {
      stopAll(servers);
      List<AutoCloseable> process;
      synchronized (LOCK) {
        process = List.copyOf(resources);
        resources.clear();
      }
      closeInReverse(process);
    } finally {
      List<Runnable> then;
      synchronized (LOCK) {
        finished = true;
        then = List.copyOf(afterwards);
      }
      then.forEach(Runnable::run);
    }
  }

  /** Stops the servers side by side, so that their graces overlap instead of adding up. */
  private static void stopAll(List<Runnable> servers) {
    if (servers.size() == 1) {
      servers.get(0).run();
      return;
    }
    List<Thread> threads = new ArrayList<>();
    for (Runnable stop : servers) {
      Thread thread = new Thread(stop, "hookc-shutdown-" + threads.size());
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
