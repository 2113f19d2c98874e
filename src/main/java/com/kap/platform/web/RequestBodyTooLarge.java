package com.kap.platform.web;

import com.kap.platform.i18n.Bundles;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.util.unit.DataSize;

/**
 * A request body grew past {@code kap.web.max-request-size} while it was read. An IOException, as a failed read
 * should be: JSON and CSV readers pass those on unwrapped, where they would wrap a RuntimeException in a parse error.
 */
public class RequestBodyTooLarge extends IOException {

  private final transient DataSize limit;

  public RequestBodyTooLarge(DataSize limit) {
    super(message(limit));
    this.limit = limit;
  }

  /** The message in English. */
  static String message(DataSize limit) {
    return Bundles.english(KEY, readable(limit));
  }

  /** The message in a language. */
  String in(MessageSource messages, Locale locale) {
    return messages.getMessage(KEY, new Object[] {readable(limit)}, locale);
  }

  private static final String KEY = "error.body.tooLarge";

  private static String readable(DataSize size) {
    long bytes = size.toBytes();
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
