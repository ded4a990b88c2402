package dev.hookc.runtime.source;

/** A running event source: its consumers reading and processing records until {@link #close()}. */
public interface EventSource extends AutoCloseable {

  /**
   * Stops reading: the record in flight is finished within the source's grace or abandoned,
   * finished records' offsets are committed, unfinished ones never. Returns once the consumers have
   * left their groups.
   */
  @Override
  void close();
}
