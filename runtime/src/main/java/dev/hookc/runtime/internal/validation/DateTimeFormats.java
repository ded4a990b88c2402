package dev.hookc.runtime.internal.validation;

/**
 * RFC 3339 dates and times, strictly: ASCII digits only, real calendar days, and a leap second only
 * where one can occur (23:59:60 in UTC, after applying the offset).
 */
final class DateTimeFormats {
  private DateTimeFormats() {}

  /** {@code full-date}: {@code 2024-02-29}. */
  static boolean isDate(String s) {
    return s.length() == 10 && isDateAt(s, 0);
  }

  /** {@code full-time}: {@code 23:59:60Z}, {@code 08:30:06.25+01:00}. */
  static boolean isTime(String s) {
    return isTimeAt(s, 0);
  }

  /** {@code date-time}: a full-date, {@code T}, and a full-time. */
  static boolean isDateTime(String s) {
    return s.length() > 11
        && isDateAt(s, 0)
        && (s.charAt(10) == 'T' || s.charAt(10) == 't')
        && isTimeAt(s, 11);
  }

  private static boolean isDateAt(String s, int at) {
    if (s.length() < at + 10 || s.charAt(at + 4) != '-' || s.charAt(at + 7) != '-') {
      return false;
    }
    int year = digits(s, at, 4);
    int month = digits(s, at + 5, 2);
    int day = digits(s, at + 8, 2);
    return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
  }

  private static boolean isTimeAt(String s, int at) {
    if (s.length() < at + 9 || s.charAt(at + 2) != ':' || s.charAt(at + 5) != ':') {
      return false;
    }
    int hour = digits(s, at, 2);
    int minute = digits(s, at + 3, 2);
    int second = digits(s, at + 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
      return false;
    }
    int i = at + 8;
    if (i < s.length() && s.charAt(i) == '.') {
      int start = ++i;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i >= s.length()) {
      return false;
    }
    char zone = s.charAt(i);
    int offsetMinutes;
    if (zone == 'Z' || zone == 'z') {
      if (i + 1 != s.length()) {
        return false;
      }
      offsetMinutes = 0;
    } else if (zone == '+' || zone == '-') {
      if (s.length() != i + 6 || s.charAt(i + 3) != ':') {
        return false;
      }
      int offsetHour = digits(s, i + 1, 2);
      int offsetMinute = digits(s, i + 4, 2);
      if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) {
        return false;
      }
      offsetMinutes = (offsetHour * 60 + offsetMinute) * (zone == '+' ? 1 : -1);
    } else {
      return false;
    }
    if (second == 60) {
      int utc = Math.floorMod(hour * 60 + minute - offsetMinutes, 24 * 60);
      return utc == 23 * 60 + 59;
    }
    return true;
  }

  private static int daysIn(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** The value of {@code count} ASCII digits at {@code at}, or -1 if they are not all digits. */
  private static int digits(String s, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
