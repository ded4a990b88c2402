package dev.hookc.runtime.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.workflow.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BranchesTest {

  @Test
  void returnsEveryBranchResultInTheGivenOrder() throws Exception {
    List<TaskBody> branches = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      branches.add(() -> Status.ok(n));
    }

    List<Status> results = new Branches(4).all(branches);

    assertThat(results).extracting(s -> s.data().asInt()).containsExactlyElementsOf(range(20));
  }

  @Test
  void runsBranchesConcurrently() throws Exception {
    CountDownLatch all = new CountDownLatch(3);
    TaskBody meet =
        () -> {
          all.countDown();
          return Status.ok(all.await(5, TimeUnit.SECONDS));
        };

    List<Status> results = new Branches(8).all(List.of(meet, meet, meet));

    assertThat(results).allMatch(s -> s.data().asBoolean());
  }

  @Test
  void neverUsesMoreThreadsThanItsLimitAndStillFinishesNestedBranches() throws Exception {
    Branches branches = new Branches(1);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    TaskBody leaf =
        () -> {
          threads.add(Thread.currentThread());
          return Status.ok(null);
        };
    TaskBody nested = () -> Status.branches(branches.all(List.of(leaf, leaf, leaf)));

    List<Status> results = branches.all(List.of(nested, nested, nested));

    assertThat(results).hasSize(3).allMatch(Status::success);
    // The caller plus at most one borrowed thread at a time: never 9 threads for 9 leaves.
    assertThat(threads.size()).isLessThan(9);
  }

  @Test
  void rethrowsABranchExceptionAfterAllFinished() {
    TaskBody failing =
        () -> {
          throw new IllegalStateException("bug");
        };

    assertThatThrownBy(() -> new Branches(2).all(List.of(() -> Status.ok(1), failing)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bug");
  }

  private static List<Integer> range(int n) {
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(i);
    }
    return list;
  }
}
