package com.kap.platform.web;

import java.io.IOException;
import org.springframework.util.unit.DataSize;

/**
 * A request body grew past {@code kap.web.max-request-size} while it was read. An IOException, as a failed read
 * should be: JSON and CSV readers pass those on unwrapped, where they would wrap a RuntimeException in a parse error.
 */
public class RequestBodyTooLarge extends IOException {

  public RequestBodyTooLarge(DataSize limit) {
    super(message(limit));
  }

  static String message(DataSize limit) {
    return "the request body is larger than " + readable(limit) + ", the most KAP accepts (kap.web.max-request-size)";
  }

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
