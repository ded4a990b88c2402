package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a failed batch costs its requests: a batch the database refused is written again row by row
 * (so that one bad write fails only its own request), but a batch that got no connection at all
 * fails at once — writing it again would only make its requests wait for the pool a second time.
 */
@Timeout(10)
class GroupCommitTest {
  private final AtomicInteger transactions = new AtomicInteger();

  private GroupCommit<String> failingWith(SQLException failure) {
    return new GroupCommit<>(
        "writes",
        work -> {
          transactions.incrementAndGet();
          throw failure;
        },
        (c, batch) -> List.of(),
        (c, batch) -> List.of(),
        null,
        "closed");
  }

  @Test
  void aBatchThatGotNoConnectionFailsWithoutASecondWait() {
    SQLException noConnection = new SQLTransientConnectionException("no connection in 5000 ms");
    try (GroupCommit<String> commits = failingWith(noConnection)) {
      assertThatThrownBy(() -> commits.submit("row")).isSameAs(noConnection);
    }
    assertThat(transactions).hasValue(1);
  }

  @Test
  void aBatchTheDatabaseRefusedIsWrittenAgainRowByRow() {
    SQLException refused = new SQLException("broken", "23514");
    try (GroupCommit<String> commits = failingWith(refused)) {
      assertThatThrownBy(() -> commits.submit("row")).isSameAs(refused);
    }
    assertThat(transactions).hasValue(2);
  }
}
