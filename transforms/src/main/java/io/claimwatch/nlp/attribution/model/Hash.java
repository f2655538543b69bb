package io.claimwatch.nlp.attribution.model;

/**
 * Feature hashing without allocation: a feature is a template id combined with one to four
 * attribute values (usually {@code String.hashCode()}s, cached by the JVM), mixed to 64 bits.
 */
final class Hash {
  private Hash() {}

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  static long of(int template, long a) {
    return mix(template * 0x9E3779B97F4A7C15L + a);
  }

  static long of(int template, long a, long b) {
    return mix(of(template, a) + b * 0xC2B2AE3D27D4EB4FL);
  }

  static long of(int template, long a, long b, long c) {
    return mix(of(template, a, b) + c * 0x165667B19E3779F9L);
  }

  static long of(int template, long a, long b, long c, long d) {
    return mix(of(template, a, b, c) + d * 0x27D4EB2F165667C5L);
  }
}
