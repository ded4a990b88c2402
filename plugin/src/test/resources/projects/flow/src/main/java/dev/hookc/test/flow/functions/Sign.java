package dev.hookc.test.flow.functions;

import dev.hookc.runtime.workflow.FunctionContext;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of the request body as received, read from the inputs the way a function that checks
 * a provider's signature reads it.
 */
public final class Sign implements SignFunction {
  @Override
  public Object apply(SignArgs args, FunctionContext context) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(args.key().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String raw = context.inputs().get("raw_body").textValue();
    return HexFormat.of().formatHex(mac.doFinal(raw.getBytes(StandardCharsets.UTF_8)));
  }
}
