package com.kap.operations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** User id and password of an HTTP Basic Authorization header (RFC 7617, UTF-8). */
record BasicCredentials(String userId, String password) {

  private static final String PREFIX = "Basic ";

  /** Empty when the header is not HTTP Basic or does not decode to "user:password". */
  static Optional<BasicCredentials> parse(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(PREFIX.length()).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }
}
