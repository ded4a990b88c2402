package dev.hookc.runtime.http;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/** Open connections per client address, under a cap; used on the selector thread only. */
final class AddressCounter {

  private final int cap;
  private final Map<InetAddress, int[]> counts = new HashMap<>();

  /** A counter allowing {@code cap} connections per address; 0 for no cap. */
  AddressCounter(int cap) {
    this.cap = cap;
  }

  /** Counts one more connection from {@code address}, unless that would pass the cap. */
  boolean tryAdd(InetAddress address) {
    if (cap == 0) {
      return true;
    }
    int[] count = counts.computeIfAbsent(address, a -> new int[1]);
    if (count[0] >= cap) {
      return false;
    }
    count[0]++;
    return true;
  }

  void remove(InetAddress address) {
    if (cap == 0) {
      return;
    }
    int[] count = counts.get(address);
    if (count != null && --count[0] == 0) {
      counts.remove(address);
    }
  }
}
