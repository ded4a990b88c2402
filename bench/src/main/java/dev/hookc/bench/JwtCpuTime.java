package dev.hookc.bench;

import dev.hookc.runtime.Request;
import dev.hookc.runtime.security.Authenticator;
import dev.hookc.runtime.security.Authenticators;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Thread CPU time of one JWT verification, authenticator alone (no HTTP): an HS256 token and an
 * RS256 token (2048-bit key), each with {@code iss}, {@code aud}, {@code iat} and {@code exp}
 * checked. Prints the median of 7 rounds after a warm-up round.
 */
public final class JwtCpuTime {
  private static final String SECRET = "jwt-secret-of-32-bytes-or-longer!";

  private JwtCpuTime() {}

  public static void main(String[] args) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String claims =
        "{\"sub\":\"u1\",\"iss\":\"https://issuer\",\"aud\":\"orders\",\"iat\":"
            + now
            + ",\"exp\":"
            + (now + 3600)
            + "}";
    String hsInput = input("HS256", claims);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String hs256 = hsInput + "." + b64(mac.doFinal(hsInput.getBytes(StandardCharsets.UTF_8)));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    String rsInput = input("RS256", claims);
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(keys.getPrivate());
    signature.update(rsInput.getBytes(StandardCharsets.UTF_8));
    String rs256 = rsInput + "." + b64(signature.sign());
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    Authenticator hs =
        Authenticators.jwt(List.of(SECRET))
            .issuer("https://issuer")
            .audience("orders")
            .leeway(Duration.ofSeconds(30))
            .build();
    Authenticator rs =
        Authenticators.jwtPublicKey(pem)
            .issuer("https://issuer")
            .audience("orders")
            .leeway(Duration.ofSeconds(30))
            .build();
    run("HS256", hs, hs256, 200_000);
    run("RS256", rs, rs256, 20_000);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String input(String alg, String claims) {
    return b64(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8))
        + "."
        + b64(claims.getBytes(StandardCharsets.UTF_8));
  }

  private static void run(String name, Authenticator authenticator, String token, int n) {
    Request request =
        Request.of(
            "POST",
            "/hook",
            Map.of(),
            Map.of(),
            Map.of("authorization", List.of("Bearer " + token)),
            new byte[0]);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < n; i++) {
      authenticator.authenticate(request);
    }
    long[] perOp = new long[7];
    for (int round = 0; round < perOp.length; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        authenticator.authenticate(request);
      }
      perOp[round] = (threads.getCurrentThreadCpuTime() - start) / n;
    }
    Arrays.sort(perOp);
    System.out.printf(
        "%s: median %,d ns CPU per verification (min %,d, max %,d), %d rounds of %,d%n",
        name, perOp[3], perOp[0], perOp[6], perOp.length, n);
  }
}
