package dev.hookc.runtime.internal.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Arithmetic on the numbers of expressions that neither overflows nor throws, whatever a request
 * holds: integers promote to exact decimals instead of wrapping, and operands of extreme magnitude
 * ({@code 1e-999999999}, {@code 1e999999999}) cost no more than ordinary ones.
 */
final class JsNumbers {
  /**
   * Results are exact up to this many significant digits, the longest number a request body may
   * hold; a sum of numbers of far-apart magnitudes is rounded to it instead of growing without end.
   */
  static final int MAX_DIGITS = 1000;

  private static final MathContext BOUNDED = new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private JsNumbers() {}

  static BigDecimal add(long a, long b) {
    long sum = a + b;
    // Overflow when both operands have the same sign and the sum has the other one.
    return ((a ^ sum) & (b ^ sum)) < 0
        ? BigDecimal.valueOf(a).add(BigDecimal.valueOf(b))
        : BigDecimal.valueOf(sum);
  }

  static BigDecimal subtract(long a, long b) {
    long difference = a - b;
    return ((a ^ b) & (a ^ difference)) < 0
        ? BigDecimal.valueOf(a).subtract(BigDecimal.valueOf(b))
        : BigDecimal.valueOf(difference);
  }

  static BigDecimal multiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    boolean fits = (high == 0 && low >= 0) || (high == -1 && low < 0);
    return fits ? BigDecimal.valueOf(low) : BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b));
  }

  static BigDecimal negate(long a) {
    return a == Long.MIN_VALUE ? BigDecimal.valueOf(a).negate() : BigDecimal.valueOf(-a);
  }

  /** {@code a + b}, exact unless the result would have more than {@link #MAX_DIGITS} digits. */
  static BigDecimal add(BigDecimal a, BigDecimal b) {
    if (a.signum() == 0) {
      return b;
    }
    if (b.signum() == 0) {
      return a;
    }
    long highest = Math.max(exponent(a), exponent(b)) + 1;
    long lowest = Math.min(-(long) a.scale(), -(long) b.scale());
    return highest - lowest >= MAX_DIGITS ? a.add(b, BOUNDED) : a.add(b);
  }

  /** {@code a * b}; {@code null} when its exponent is beyond what a decimal holds (±2^31). */
  static BigDecimal multiply(BigDecimal a, BigDecimal b) {
    try {
      return a.precision() + b.precision() > MAX_DIGITS ? a.multiply(b, BOUNDED) : a.multiply(b);
    } catch (ArithmeticException outOfRange) {
      return null;
    }
  }

  /**
   * {@code a % b} with the sign of {@code a}, exact: {@code a}'s power of ten is reduced modulo
   * {@code b} ({@link BigInteger#modPow}) instead of being written out, so {@code 1e999999999 % 7}
   * is as quick as {@code 10 % 7}. {@code null} for a zero divisor.
   */
  static BigDecimal remainder(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      return null;
    }
    if (a.abs().compareTo(b.abs()) < 0) {
      return a;
    }
    // |a| >= |b|: b's scale exceeds a's by at most a's precision, so the divisor stays small.
    int scale = Math.max(a.scale(), b.scale());
    BigInteger divisor = b.unscaledValue().abs().multiply(BigInteger.TEN.pow(scale - b.scale()));
    BigInteger shift = BigInteger.TEN.modPow(BigInteger.valueOf((long) scale - a.scale()), divisor);
    BigInteger rest = a.unscaledValue().abs().mod(divisor).multiply(shift).mod(divisor);
    BigDecimal result = new BigDecimal(a.signum() < 0 ? rest.negate() : rest, scale);
    return result.signum() == 0 ? BigDecimal.ZERO : result;
  }

  /**
   * JavaScript's {@code ToIntegerOrInfinity}, within a {@code long}: the integer part, and the
   * nearest {@code long} for what lies beyond.
   */
  static Long integer(BigDecimal value) {
    if (value == null) {
      return null;
    }
    if (value.compareTo(LONG_MAX) >= 0) {
      return Long.MAX_VALUE;
    }
    if (value.compareTo(LONG_MIN) <= 0) {
      return Long.MIN_VALUE;
    }
    // Below 1 in magnitude the integer part is 0; setScale would first write out 10^scale.
    return value.abs().compareTo(BigDecimal.ONE) < 0 ? 0L : value.longValue();
  }

  /**
   * JavaScript's {@code Number.prototype.toString} layout: plain from 1e-6 up to below 1e21,
   * otherwise {@code 1.5e+21}, {@code 1e-7}; all digits are kept.
   */
  static String string(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    long exponent = exponent(stripped);
    if (exponent >= -6 && exponent <= 20) {
      return stripped.toPlainString();
    }
    String digits = stripped.unscaledValue().abs().toString();
    StringBuilder text = new StringBuilder(digits.length() + 16);
    if (stripped.signum() < 0) {
      text.append('-');
    }
    text.append(digits.charAt(0));
    if (digits.length() > 1) {
      text.append('.').append(digits, 1, digits.length());
    }
    return text.append(exponent < 0 ? "e-" : "e+").append(Math.abs(exponent)).toString();
  }

  /** The power of ten of the leading digit: 2 for 123.4, -3 for 0.00123. */
  static long exponent(BigDecimal value) {
    return (long) value.precision() - value.scale() - 1;
  }
}
