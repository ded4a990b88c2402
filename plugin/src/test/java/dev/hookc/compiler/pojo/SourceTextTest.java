package dev.hookc.compiler.pojo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.codemodel.util.UnicodeEscapeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {

  @Test
  void collectsTheSameTextAsCodemodelsEscapingWriterChain() throws IOException {
    StringBuilder every = new StringBuilder("class A { String s = \"");
    for (char ch = 0; ch < 0x3000; ch++) {
      every.append(ch);
    }
    every.append("\ud83d\ude00 \ud800 \udc00 \uffff\"; }\n\ttab\r\n");
    String text = every.toString();

    SourceText collected = new SourceText();
    // Written as codemodel's formatter writes: whole strings, slices of arrays, single characters.
    collected.write(text.substring(0, 100));
    collected.write(text.toCharArray(), 100, 5000);
    for (char ch : text.substring(5100, 5200).toCharArray()) {
      collected.write(ch);
    }
    collected.write(text, 5200, text.length() - 5200);

    assertThat(collected.text()).isEqualTo(throughCodemodelChain(text));
  }

  /** The writer chain the payload classes were written through before: escaping, then bytes. */
  private static String throughCodemodelChain(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStreamWriter encoded = new OutputStreamWriter(bytes, Charset.defaultCharset());
    CharsetEncoder encoder = Charset.forName(encoded.getEncoding()).newEncoder();
    try (Writer writer =
        new UnicodeEscapeWriter(encoded) {
          @Override
          protected boolean requireEscaping(int ch) {
            if (ch < 0x20 && " \t\r\n".indexOf(ch) == -1) {
              return true;
            }
            return ch >= 0x80 && !encoder.canEncode((char) ch);
          }
        }) {
      writer.write(text);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
