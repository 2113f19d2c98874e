package com.kap.platform.notifications;

import java.io.IOException;
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

/** Writes each message as a mail-like text file (.eml) into a local folder, for demos without a mail server. */
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
        + DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)) + "\nSubject: " + subject
        + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + body + "\n";
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(file), message, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the outbox " + folder, e);
    }
  }
}
