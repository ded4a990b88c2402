package dev.hookc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Delivery ids: UUIDs of version 7, ordered by the time of receipt, unique and not counted. */
class DeliveryIdsTest {

  @Test
  void anIdIsAVersion7UuidCarryingTheMillisecondItWasMadeIn() {
    long before = System.currentTimeMillis();
    String id = DeliveryIds.next();
    long after = System.currentTimeMillis();

    UUID uuid = UUID.fromString(id);
    assertThat(id).hasSize(36).isEqualTo(uuid.toString());
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).as("RFC 9562's variant").isEqualTo(2);
    assertThat(uuid.getMostSignificantBits() >>> 16).isBetween(before, after);
  }

  @Test
  void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(DeliveryIds.next());
      Thread.sleep(2);
    }
    assertThat(ids).isSorted();
  }

  // A generator that counted up within a millisecond would make each id the one before plus one:
  // a sender could then name another sender's delivery from its own.
  @Test
  void idsOfTheSameMillisecondAreNotCountedUp() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      ids.add(UUID.fromString(DeliveryIds.next()));
    }
    int sameMillisecond = 0;
    for (int i = 1; i < ids.size(); i++) {
      UUID earlier = ids.get(i - 1);
      UUID later = ids.get(i);
      if (earlier.getMostSignificantBits() >>> 16 != later.getMostSignificantBits() >>> 16) {
        continue;
      }
      sameMillisecond++;
      long step = later.getLeastSignificantBits() - earlier.getLeastSignificantBits();
      assertThat(Math.abs(step)).as("%s then %s", earlier, later).isGreaterThan(1_000_000L);
    }
    assertThat(sameMillisecond).as("ids made within one millisecond").isPositive();
  }

  @Test
  void concurrentRequestsNeverGetTheSameId() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 10_000; i++) {
                    seen.add(DeliveryIds.next());
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(seen).hasSize(80_000);
  }
}
