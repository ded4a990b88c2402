package dev.hookc.runtime.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

/**
 * The ids of the deliveries an inbox stores: UUIDs of version 7 (RFC 9562), whose first 48 bits are
 * the time of receipt in milliseconds, so that ids sort as the deliveries arrived, in their string
 * form too.
 *
 * <p>Why not random UUIDs: the id is the inbox table's primary key, and a random key puts each new
 * row's index entry on a random page of the index, so that a commit of 30 deliveries rewrites some
 * 30 index pages; a time-ordered key puts them all on the last page. Plain batched inserts into H2
 * went from 10,400–13,300 to 22,600–29,300 rows a second with nothing else changed (docs/
 * performance.md, "Time-ordered delivery ids"). PostgreSQL's B-tree gains the same way.
 *
 * <p>The other 74 bits are drawn afresh from a {@code SecureRandom} for each id, as a random UUID's
 * are (not counted up within a millisecond, which would let one id be guessed from another): ids of
 * the same millisecond are in no particular order, and still land on the same index page. The time
 * of receipt an id shows is in the stored row anyway.
 */
final class DeliveryIds {
  private static final TimeBasedEpochRandomGenerator GENERATOR =
      Generators.timeBasedEpochRandomGenerator();

  private DeliveryIds() {}

  /** A new delivery's id, in the 36-character form the inbox's {@code id} column holds. */
  static String next() {
    return GENERATOR.generate().toString();
  }
}
