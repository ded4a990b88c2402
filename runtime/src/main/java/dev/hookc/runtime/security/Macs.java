package dev.hookc.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC over byte parts, and the decoding and constant-time comparison of received MACs. */
final class Macs {
  private Macs() {}

  /** The JCA name of {@code sha1}, {@code sha256} or {@code sha512}. */
  static String algorithm(String name) {
    switch (name) {
      case "sha1":
        return "HmacSHA1";
      case "sha256":
        return "HmacSHA256";
      case "sha512":
        return "HmacSHA512";
      default:
        throw new IllegalArgumentException("not a supported HMAC algorithm: " + name);
    }
  }

  static byte[] hmac(String algorithm, byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot compute " + algorithm, e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes of a hex string, or null when it is not hex. */
  static byte[] fromHex(String hex) {
    try {
      return HexFormat.of().parseHex(hex.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The bytes of a base64 string, or null when it is not base64. */
  static byte[] fromBase64(String base64) {
    try {
      return Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Whether any candidate equals any expected MAC. Every pair is compared, each in constant time,
   * so the time taken does not depend on where the bytes differ.
   */
  static boolean anyMatches(List<byte[]> expected, List<byte[]> candidates) {
    boolean matched = false;
    for (byte[] e : expected) {
      for (byte[] c : candidates) {
        matched |= c != null && MessageDigest.isEqual(e, c);
      }
    }
    return matched;
  }
}
