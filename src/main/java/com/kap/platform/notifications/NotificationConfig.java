package com.kap.platform.notifications;

import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailSender;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mail through Spring Mail when {@code spring.mail.host} is set; otherwise, when {@code kap.notifications.outbox}
 * names a folder (the demo profile's {@code ./outbox}), one file per message there; otherwise a warning per
 * message in the log.
 */
@Configuration
public class NotificationConfig {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationConfig.class);

  @Bean
  Notifications notifications(ObjectProvider<MailSender> mailSender, IdentityService identityService,
      @Value("${kap.notifications.outbox:}") String outbox, @Value("${kap.notifications.from:kap@localhost}") String from) {
    return new AfterCommit(channel(mailSender, identityService, outbox, from));
  }

  private static Notifications channel(ObjectProvider<MailSender> mailSender, IdentityService identityService,
      String outbox, String from) {
    MailSender mail = mailSender.getIfAvailable();
    if (mail != null) {
      return new MailNotifications(mail, identityService, from);
    }
    if (!outbox.isBlank()) {
      return new OutboxNotifications(Path.of(outbox), identityService, from);
    }
    return (userId, subject, body) -> LOG.warn("Not sent (set spring.mail.host or kap.notifications.outbox): to {}: {}",
        userId, subject);
  }

  /**
   * Sends once the transaction that decided it commits: a decision that rolls back (or a job that is retried) must
   * not have told anyone.
   */
  record AfterCommit(Notifications channel) implements Notifications {
    @Override
    public void send(String userId, String subject, String body) {
      if (!TransactionSynchronizationManager.isSynchronizationActive()) {
        channel.send(userId, subject, body);
        return;
      }
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          channel.send(userId, subject, body);
        }
      });
    }
  }
}
