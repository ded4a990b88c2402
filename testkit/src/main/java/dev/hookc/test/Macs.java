package dev.hookc.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC over byte parts, written independently of the runtime's verifiers that it is tested on. */
final class Macs {
  private Macs() {}

  /** The JCA name of {@code sha1}, {@code sha256} or {@code sha512}, as the runtime names them. */
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

  static byte[] sha256(byte[] key, byte[]... parts) {
    return hmac("HmacSHA256", key, parts);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A fresh delivery id: senders make one per delivery, and keep it across retries. */
  static String newId() {
    return UUID.randomUUID().toString();
  }

  /** {@code name, value, ...} as an unmodifiable map in that order. */
  static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(headers);
  }
}
