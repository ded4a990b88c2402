package dev.hookc.runtime;

import javax.sql.DataSource;

/**
 * Where an application keeps its durable state: idempotency records and the inboxes of asynchronous
 * routes. hookc's is {@code dev.hookc.runtime.store.JdbcStore}, on H2 or PostgreSQL.
 */
public interface Store extends AutoCloseable {

  /**
   * The database the store keeps its tables in, for the application's own tables: its connections
   * are handed out with auto-commit on, as a {@code DataSource}'s usually are.
   */
  DataSource dataSource();

  /** Lets go of the database; work asked of the store afterwards fails. */
  @Override
  void close();
}
