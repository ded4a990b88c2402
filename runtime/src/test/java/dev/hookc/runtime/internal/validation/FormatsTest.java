package dev.hookc.runtime.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict corners of each format; the full suite runs in the plugin's conformance test. */
class FormatsTest {

  @Test
  void acceptsLeapSecondsOnlyAt235960Utc() {
    assertThat(Formats.isDateTime("1998-12-31T23:59:60Z")).isTrue();
    assertThat(Formats.isDateTime("1998-12-31T15:59:60.123-08:00")).isTrue();
    assertThat(Formats.isDateTime("1998-12-31T22:59:60Z")).isFalse();
    assertThat(Formats.isTime("23:59:60+01:00")).isFalse();
  }

  @Test
  void rejectsImpossibleDatesAndNonAsciiDigits() {
    assertThat(Formats.isDate("2020-02-29")).isTrue();
    assertThat(Formats.isDate("2100-02-29")).isFalse();
    assertThat(Formats.isDate("1963-06-1\u09ea")).isFalse();
    assertThat(Formats.isTime("12:00:00")).as("offset is required").isFalse();
  }

  @Test
  void checksIpAddressesStrictly() {
    assertThat(Formats.isIpv4("192.168.0.1")).isTrue();
    assertThat(Formats.isIpv4("087.10.0.1")).isFalse();
    assertThat(Formats.isIpv6("1::d6:192.168.0.1")).isTrue();
    assertThat(Formats.isIpv6("1::d6::42")).isFalse();
    assertThat(Formats.isIpv6("fe80::a%eth1")).isFalse();
  }

  @Test
  void checksHostNamesIncludingPunycodeLabels() {
    assertThat(Formats.isHostname("www.example.com")).isTrue();
    assertThat(Formats.isHostname("-example.com")).isFalse();
    assertThat(Formats.isHostname("xn--9n2bp8q.xn--9t4b11yi5a")).isTrue();
    assertThat(Formats.isHostname("xn--X")).isFalse();
    assertThat(Formats.isHostname("\u212aelvin.example.com")).isFalse();
  }

  @Test
  void checksEmailUriAndUuid() {
    assertThat(Formats.isEmail("\"joe bloggs\"@example.com")).isTrue();
    assertThat(Formats.isEmail("te..st@example.com")).isFalse();
    assertThat(Formats.isUri("http://foo.bar/?baz=qux#quux")).isTrue();
    assertThat(Formats.isUri("/abc")).isFalse();
    assertThat(Formats.isUri("http://example.com/%6G")).isFalse();
  }

  @Test
  void checksEachPartOfAUriInPlace() {
    for (String valid :
        List.of(
            "https://api.example.com:8443/v1/payments/pay_123?expand=customer&x=%20#top",
            "https://user:secret@example.com/",
            "http://[2001:db8::1]:8080/path",
            "http://[::1]",
            "mailto:someone@example.com",
            "urn:isbn:0451450523",
            "h+t-t.p://host:/",
            "http://host?query/with:colons@and?marks#frag?ment/:@",
            "http://host#fragment?with-question",
            "foo:",
            "http://")) {
      assertThat(Formats.isUri(valid)).as(valid).isTrue();
    }
    for (String invalid :
        List.of(
            "1http://host",
            ":no-scheme",
            "ht tp://host",
            "http://host:80a/",
            "http://[2001:db8::1]x/",
            "http://[not-ipv6]/",
            "http://[::1/",
            "http://us er@host/",
            "http://host/pa th",
            "http://host/?q=a b",
            "http://host/#frag ment",
            "http://host/%2",
            "http://host?%zz",
            "http://h^st/",
            "é://host")) {
      assertThat(Formats.isUri(invalid)).as(invalid).isFalse();
    }
    assertThat(Formats.isUuid("2EB8AA08-AA98-11EA-B4AA-73B441D16380")).isTrue();
    assertThat(Formats.isUuid("2eb8aa08aa9811eab4aa73b441d16380")).isFalse();
  }
}
