package dev.hookc.runtime.internal.app;

import dev.hookc.runtime.log.ShutdownSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * What an application opened, in the order it opened it, to close in reverse: inbox workers before
 * the functions their workflows call, functions before the store they may use. Once closed it takes
 * nothing more: what is opened afterwards is closed at once.
 */
final class Resources implements AutoCloseable {
  private final List<AutoCloseable> open = new ArrayList<>(); // guarded by this
  private boolean closed; // guarded by this

  /**
   * Takes {@code resource} to close with the others.
   *
   * @throws IllegalStateException when these are closed already; {@code resource} is closed then
   */
  <T extends AutoCloseable> T own(T resource) {
    synchronized (this) {
      if (!closed) {
        open.add(resource);
        return resource;
      }
    }
    ShutdownSequence.closeInReverse(List.of(resource));
    throw new IllegalStateException("the application is closed");
  }

  /** Closes everything taken, the last first; a failure is logged and the rest still close. */
  @Override
  public void close() {
    List<AutoCloseable> taken;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      taken = List.copyOf(open);
      open.clear();
    }
    ShutdownSequence.closeInReverse(taken);
  }

  @Override
  public String toString() {
    return "the application's resources";
  }
}
