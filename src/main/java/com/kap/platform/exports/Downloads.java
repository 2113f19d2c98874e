package com.kap.platform.exports;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An export's answer: a file to save, with its media type and a file name that says what it holds. */
public final class Downloads {

  private Downloads() {}

  /**
   * 200 with the bytes, {@code Content-Disposition: attachment; filename="…"}, and no caching (an export holds what
   * only its caller may read).
   */
  public static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String fileName) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(body);
  }

  /**
   * A file name from its parts, joined by "-": letters without their accents, digits, "." and "_" stay, everything
   * else becomes "-", so that it is the same on every system and needs no quoting, e.g.
   * {@code fileName("kap-plan", "2043", "ACC-003", "Atlas Logistics") + ".pdf"} is
   * {@code kap-plan-2043-ACC-003-Atlas-Logistics.pdf}.
   */
  public static String fileName(String... parts) {
    return Arrays.stream(parts).filter(Objects::nonNull).map(Downloads::slug).filter(part -> !part.isEmpty())
        .collect(Collectors.joining("-"));
  }

  private static String slug(String part) {
    String plain = Normalizer.normalize(part, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = plain.replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("^[-.]+|-+$", "");
    return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
  }
}
