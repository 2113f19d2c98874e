package com.kap.rituals.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of a calendar address: 256 random bits from {@link SecureRandom}, written URL-safe (base64url without
 * padding, 43 characters), and its SHA-256, which is all KAP keeps of it.
 */
public final class CalendarTokens {

  static final int BYTES = 32;
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private CalendarTokens() {}

  /** A new token. */
  public static String generate() {
    byte[] random = new byte[BYTES];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** Whether the text could be a token at all: anything else is not looked up. */
  public static boolean isWellFormed(String token) {
    return token != null && FORM.matcher(token).matches();
  }

  /** The token's SHA-256 as 64 lower-case hex digits. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
