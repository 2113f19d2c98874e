package com.kap.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.KapTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

@KapTest
class MailNotificationsTest {

  @Autowired IdentityService identityService;

  /** Spring's MailSender interface, recording what would go over SMTP. */
  static class RecordingMailSender implements MailSender {
    final List<SimpleMailMessage> sent = new ArrayList<>();

    @Override
    public void send(SimpleMailMessage message) {
      sent.add(message);
    }

    @Override
    public void send(SimpleMailMessage... messages) {
      sent.addAll(List.of(messages));
    }
  }

  @Test
  void mailsTheUserAtTheAddressOfTheIdentityService() {
    RecordingMailSender smtp = new RecordingMailSender();
    Notifications mail = new MailNotifications(smtp, identityService, "kap@example.com");

    mail.send("alice", "Reminder", "Your plan is due");
    mail.send("nobody", "Lost", "No such user");

    assertThat(smtp.sent).singleElement().satisfies(m -> {
      assertThat(m.getTo()).containsExactly("alice@kap.example");
      assertThat(m.getFrom()).isEqualTo("kap@example.com");
      assertThat(m.getSubject()).isEqualTo("Reminder");
      assertThat(m.getText()).isEqualTo("Your plan is due");
    });
  }

  /** The demo's outbox writes files a mail client opens: a mail's date format, UTF-8 declared. */
  @Test
  void theOutboxWritesMailsAMailClientReads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path outbox)
      throws Exception {
    new OutboxNotifications(outbox, identityService, "kap@example.com").send("alice", "Plan approved",
        "Atlas Logistics (ACC-003) — approved");

    String mail;
    try (var files = java.nio.file.Files.list(outbox)) {
      mail = java.nio.file.Files.readString(files.findFirst().orElseThrow());
    }
    assertThat(mail).startsWith("From: kap@example.com\nTo: alice@kap.example\nDate: ")
        .contains("\nSubject: Plan approved\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
            + "Atlas Logistics (ACC-003) — approved\n");
    String date = mail.lines().filter(line -> line.startsWith("Date: ")).findFirst().orElseThrow().substring(6);
    assertThat(java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME))
        .as("the date, as a mail client reads it").isNotNull();
  }

  /** A subject that is not ASCII (a French one) is RFC 2047-encoded, as a mail client expects it; the body is UTF-8. */
  @Test
  void theOutboxEncodesASubjectThatIsNotAscii(@org.junit.jupiter.api.io.TempDir java.nio.file.Path outbox)
      throws Exception {
    String subject = "Plan de compte 2180 approuvé : Vega Motors (ACC-011), une réussite à saluer très chaleureusement";
    new OutboxNotifications(outbox, identityService, "kap@example.com").send("camille", subject,
        "Votre plan 2180 est approuvé.");

    String mail;
    try (var files = java.nio.file.Files.list(outbox)) {
      mail = java.nio.file.Files.readString(files.findFirst().orElseThrow());
    }
    String header = mail.substring(mail.indexOf("\nSubject: ") + 10, mail.indexOf("\nMIME-Version: "));
    assertThat(header).startsWith("=?UTF-8?Q?").doesNotContain("é").doesNotContain("\r");
    assertThat(header.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    assertThat(jakarta.mail.internet.MimeUtility.decodeText(jakarta.mail.internet.MimeUtility.unfold(header)))
        .isEqualTo(subject);
    assertThat(mail).endsWith("\n\nVotre plan 2180 est approuvé.\n");
  }
}
