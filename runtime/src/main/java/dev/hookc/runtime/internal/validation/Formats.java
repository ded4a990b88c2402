package dev.hookc.runtime.internal.validation;

/**
 * The string formats hookc asserts. Each check is strict, per the RFC the format names, and ASCII
 * only where the RFC is: a Bengali digit is not a digit in a date.
 */
public final class Formats {
  private Formats() {}

  /** RFC 3339 {@code date-time}. */
  public static boolean isDateTime(String s) {
    return DateTimeFormats.isDateTime(s);
  }

  /** RFC 3339 {@code full-date}. */
  public static boolean isDate(String s) {
    return DateTimeFormats.isDate(s);
  }

  /** RFC 3339 {@code full-time}, with its offset. */
  public static boolean isTime(String s) {
    return DateTimeFormats.isTime(s);
  }

  /** RFC 5321 mailbox. */
  public static boolean isEmail(String s) {
    return InternetFormats.isEmail(s);
  }

  /** RFC 4122 UUID in its 8-4-4-4-12 hexadecimal form, any version. */
  public static boolean isUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !InternetFormats.isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /** RFC 3986 absolute URI. */
  public static boolean isUri(String s) {
    return UriFormat.isUri(s);
  }

  /** RFC 2673 dotted-quad IPv4 address. */
  public static boolean isIpv4(String s) {
    return InternetFormats.isIpv4(s);
  }

  /** RFC 4291 IPv6 address. */
  public static boolean isIpv6(String s) {
    return InternetFormats.isIpv6(s);
  }

  /** RFC 1123 host name, with IDNA2008 A-labels. */
  public static boolean isHostname(String s) {
    return InternetFormats.isHostname(s);
  }
}
