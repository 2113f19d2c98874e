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
}
