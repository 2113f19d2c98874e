package com.kap.platform.notifications;

/** Tells a user something by mail (or, in the demo profile, by a file in the local outbox). */
public interface Notifications {

  void send(String userId, String subject, String body);
}
