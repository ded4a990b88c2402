package dev.hookc.runtime.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link Utf8#isWellFormed} accepts exactly what the JDK's strict UTF-8 decoder accepts. */
class Utf8Test {
  private static final int[] TAIL_BYTES = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF};

  private final CharsetDecoder decoder =
      UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  private boolean decodesStrictly(byte[] bytes) {
    // The result rather than an exception: most cases are malformed, and exceptions are slow.
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.reset().decode(ByteBuffer.wrap(bytes), out, true);
    return !result.isError() && !decoder.flush(out).isError();
  }

  private void assertAgrees(byte[] bytes) {
    boolean expected = decodesStrictly(bytes);
    // Described only on failure: formatting a description for every case would dominate the test.
    if (Utf8.isWellFormed(bytes) != expected) {
      assertThat(Utf8.isWellFormed(bytes))
          .as(HexFormat.ofDelimiter(" ").formatHex(bytes))
          .isEqualTo(expected);
    }
  }

  @Test
  void agreesWithTheStrictDecoderOnEverySequenceOfOneAndTwoBytes() {
    for (int a = 0; a < 256; a++) {
      assertAgrees(new byte[] {(byte) a});
      for (int b = 0; b < 256; b++) {
        assertAgrees(new byte[] {(byte) a, (byte) b});
      }
    }
  }

  @Test
  void agreesWithTheStrictDecoderOnThreeAndFourByteSequencesAtEveryBoundary() {
    for (int lead = 0xC0; lead < 256; lead++) {
      for (int second = 0; second < 256; second++) {
        for (int third : TAIL_BYTES) {
          assertAgrees(new byte[] {(byte) lead, (byte) second, (byte) third});
          // After text, so that a sequence is checked away from the start as well.
          assertAgrees(new byte[] {'a', 'b', (byte) lead, (byte) second, (byte) third});
          for (int fourth : lead >= 0xF0 ? TAIL_BYTES : new int[0]) {
            assertAgrees(new byte[] {(byte) lead, (byte) second, (byte) third, (byte) fourth});
          }
        }
      }
    }
  }

  @Test
  void acceptsTextAndRefusesOverlongSurrogateAndOutOfRangeSequences() {
    assertThat(Utf8.isWellFormed(new byte[0])).isTrue();
    assertThat(Utf8.isWellFormed("caf\u00e9 \u2713 \ud83d\ude00 \ufffd".getBytes(UTF_8))).isTrue();
    assertThat(Utf8.isWellFormed(new byte[] {(byte) 0xC0, (byte) 0xAF})).isFalse();
    assertThat(Utf8.isWellFormed(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isFalse();
    assertThat(Utf8.isWellFormed(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}))
        .isFalse();
    assertThat(Utf8.isWellFormed("{\"n\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16)))
        .isFalse();
    assertThat(Utf8.isWellFormed(new byte[] {'a', (byte) 0xE2, (byte) 0x9C})).isFalse();
  }

  @Test
  void findsTheFirstMalformedSequenceWhereverItStandsInLongAsciiText() {
    // ASCII is skipped eight bytes at a time: a bad sequence must be found at every offset.
    for (int at = 0; at < 40; at++) {
      for (int[] bad : new int[][] {{0xFF}, {0xC3, 0x28}, {0xED, 0xA0, 0x80}, {0xF0, 0x9F, 0x98}}) {
        byte[] bytes = new byte[40 + bad.length];
        java.util.Arrays.fill(bytes, (byte) 'a');
        for (int k = 0; k < bad.length; k++) {
          bytes[at + k] = (byte) bad[k];
        }
        if (bad.length == 3 && bad[0] == 0xF0) {
          bytes[at + 3] = 'a'; // a four-byte sequence cut short
        }
        assertThat(Utf8.firstMalformed(bytes, 0, bytes.length)).as("at %d", at).isEqualTo(at);
        assertAgrees(bytes);
      }
    }
    byte[] text = "caf\u00e9 au lait, \ud83d\ude00 and nothing wrong".getBytes(UTF_8);
    assertThat(Utf8.firstMalformed(text, 0, text.length)).isEqualTo(-1);
    assertThat(Utf8.firstMalformed(text, 4, text.length)).isEqualTo(4); // the middle of é
  }
}
