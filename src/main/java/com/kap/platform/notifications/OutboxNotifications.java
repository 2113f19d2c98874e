package com.kap.platform.notifications;

import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Writes each message as a mail-like text file (.eml) into a local folder, for demos without a mail server. The body
 * is UTF-8; a subject that is not ASCII is RFC 2047-encoded, as a mail client expects it.
 */
class OutboxNotifications implements Notifications {

  private final Path folder;
  private final IdentityService identityService;
  private final String from;

  OutboxNotifications(Path folder, IdentityService identityService, String from) {
    this.folder = folder;
    this.identityService = identityService;
    this.from = from;
  }

  @Override
  public void send(String userId, String subject, String body) {
    String to = Recipients.address(identityService, userId);
    Instant now = ClockUtil.now().toInstant();
    String file = now.toString().replace(":", "").replace(".", "") + "-" + userId + "-" + UUID.randomUUID()
        .toString().substring(0, 8) + ".eml";
    // a mail's own date format (RFC 5322) and its character set, so that a mail client opens the file as it is
    String message = "From: " + from + "\nTo: " + (to == null ? userId : to) + "\nDate: "
        + DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)) + "\nSubject: " + header(subject)
        + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + body + "\n";
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(file), message, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the outbox " + folder, e);
    }
  }

  /**
   * A header's text as a mail client reads it: ASCII as it is, anything else (a French subject's accents) as
   * RFC 2047 encoded words in UTF-8, folded on lines of their own as the file's other lines end.
   */
  static String header(String text) {
    if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return text;
    }
    try {
      return MimeUtility.fold("Subject: ".length(), MimeUtility.encodeText(text, "UTF-8", "Q"))
          .replace("\r\n", "\n");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
