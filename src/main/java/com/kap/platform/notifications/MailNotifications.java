package com.kap.platform.notifications;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

class MailNotifications implements Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(MailNotifications.class);

  private final MailSender mailSender;
  private final IdentityService identityService;
  private final String from;

  MailNotifications(MailSender mailSender, IdentityService identityService, String from) {
    this.mailSender = mailSender;
    this.identityService = identityService;
    this.from = from;
  }

  @Override
  public void send(String userId, String subject, String body) {
    String to = Recipients.address(identityService, userId);
    if (to == null) {
      LOG.warn("No mail address for user '{}': not sent: {}", userId, subject);
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to);
    message.setSubject(subject);
    message.setText(body);
    mailSender.send(message);
  }
}
