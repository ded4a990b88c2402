package dev.hookc.runtime.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The inbox admin endpoints on the embedded H2 store. */
class InboxAdminTest extends InboxAdminContract {
  @TempDir Path data;

  @Override
  JdbcStore openEmptyStore() {
    return JdbcStore.open(JdbcStore.h2Url(data), null, null);
  }
}
