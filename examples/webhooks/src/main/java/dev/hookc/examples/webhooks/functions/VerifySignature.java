package dev.hookc.examples.webhooks.functions;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hookc.runtime.workflow.FunctionContext;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether a Slack signature is {@code v0=} and the hex HMAC-SHA256 of the payload, under the secret
 * {@code slack.signing_secret} of the configuration, and its timestamp within 5 minutes of now.
 */
public final class VerifySignature implements VerifySignatureFunction {
  private static final long TOLERANCE_SECONDS = 300;

  @Override
  public Boolean apply(VerifySignatureArgs args, FunctionContext context) throws Exception {
    // A signature stays valid forever; only the timestamp it covers stops a replay.
    if (!current(args.timestamp())) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    byte[] key = context.config().path("slack").path("signing_secret").asText().getBytes(UTF_8);
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String expected = "v0=" + HexFormat.of().formatHex(mac.doFinal(args.payload().getBytes(UTF_8)));
    // Constant-time, so that the answer's timing does not reveal how much of a guess was right.
    return MessageDigest.isEqual(expected.getBytes(UTF_8), args.signature().getBytes(UTF_8));
  }

  private static boolean current(String timestamp) {
    long sentAt;
    try {
      sentAt = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    long now = Instant.now().getEpochSecond();
    // Compared without subtracting from sentAt, which could overflow at Long.MIN_VALUE.
    return sentAt >= now - TOLERANCE_SECONDS && sentAt <= now + TOLERANCE_SECONDS;
  }
}
