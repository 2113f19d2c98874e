package com.kap.platform.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    String now = ClockUtil.now().toInstant().toString();
    String file = now.replace(":", "").replace(".", "") + "-" + userId + "-" + UUID.randomUUID().toString()
        .substring(0, 8) + ".eml";
    String message = "From: " + from + "\nTo: " + (to == null ? userId : to) + "\nDate: " + now
        + "\nSubject: " + subject + "\n\n" + body + "\n";
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(file), message, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the outbox " + folder, e);
    }
  }
}
