package com.kap.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 3 of the red-team review: about 10 wrong Basic passwords locked {@code admin} for good, a restart with
 * {@code KAP_ADMIN_PASSWORD} did not unlock it, and {@code /engine-rest/identity/verify} let any user test anyone's
 * password. Throttling now slows attackers without locking anyone out for good.
 */
@KapTest
class LoginThrottlingTest {

  private static final String USER = "throttled";

  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identityService.unlockUser("admin");
    if (identityService.createUserQuery().userId(USER).count() > 0) {
      identityService.deleteUser(USER);
    }
  }

  @Test
  void manyWrongPasswordsSlowTheAttackerButLockNoOneForGood() {
    User user = identityService.newUser(USER);
    user.setPassword("right");
    identityService.saveUser(user);
    long now = System.currentTimeMillis();
    for (int attempt = 1; attempt <= 15; attempt++) {
      now += 61_000; // past the longest delay (60 s)
      ClockUtil.setCurrentTime(new Date(now));
      assertThat(identityService.checkPassword(USER, "wrong")).isFalse();
    }
    assertThat(identityService.checkPassword(USER, "right")).as("within the delay even the right password waits")
        .isFalse();
    ClockUtil.setCurrentTime(new Date(now + 61_000));
    assertThat(identityService.checkPassword(USER, "right")).as("after the delay, 15 wrong passwords later")
        .isTrue();
  }

  @Test
  void theAdminIsUnlockedWhenThePasswordIsSetFromTheEnvironment() {
    // as a lock from an earlier configuration (10 attempts) left it: locked until an administrator unlocks it
    jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = 'admin'",
        new java.sql.Timestamp(System.currentTimeMillis() + 86_400_000L));
    assertThat(identityService.checkPassword("admin", "demo")).as("locked").isFalse();

    new AdminPassword(identityService, "admin", "demo").apply();

    assertThat(identityService.checkPassword("admin", "demo")).as("unlocked by the start").isTrue();
  }

  @Test
  void usersVerifyOnlyTheirOwnPassword() {
    Api api = new Api(rest);
    ResponseEntity<JsonNode> other = api.postJson("alice", "/engine-rest/identity/verify",
        "{\"username\":\"bruno\",\"password\":\"demo\"}", JsonNode.class);
    assertThat(other.getStatusCode().value()).as(String.valueOf(other.getBody())).isEqualTo(403);
    ResponseEntity<JsonNode> own = api.postJson("alice", "/engine-rest/identity/verify",
        "{\"username\":\"alice\",\"password\":\"demo\"}", JsonNode.class);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(own.getBody().get("authenticated").asBoolean()).isTrue();
    assertThat(api.postJson("admin", "/engine-rest/identity/verify", "{\"username\":\"bruno\",\"password\":\"x\"}",
        JsonNode.class).getStatusCode().value()).as("the administrator").isEqualTo(200);
    identityService.unlockUser("bruno");
  }
}
