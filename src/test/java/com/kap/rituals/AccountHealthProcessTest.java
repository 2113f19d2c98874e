package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.AccountHealthSource;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.Segment;
import com.kap.rituals.internal.FollowUpRepository;
import com.kap.support.Api;
import com.kap.support.ProcessTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Account health on the running application: an account with rituals missed, an action overdue and no stakeholder
 * coverage gets the score and reasons of the DMN table accountHealth; the API shows it to those who may see the
 * account; the history grows when the score changes and not when it stays; the daily job stores all accounts.
 */
@ProcessTest
class AccountHealthProcessTest {

  private static final int YEAR = 2146;
  private static final String ACCOUNT = "ACC-006"; // Baltic Shipping: Strategic, KAM alice, sponsor gilles
  private static final String PATH = "/api/accounts/" + ACCOUNT + "/health";

  @Autowired PortfolioSegmentation segmentation;
  @Autowired Portfolio portfolio;
  @Autowired AccountHealth health;
  @Autowired FollowUpRepository actions;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;

  private Api api;

  @BeforeEach
  void year() {
    api = new Api(rest);
    if (portfolio.segments(YEAR).isEmpty()) {
      segmentation.segment(YEAR);
    }
    // the year's own records: no other test class uses the year; the stakeholder map is the account's, not the
    // year's, so this test's account starts with none
    jdbc.update("delete from kap_account_health where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_follow_up_action where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_ritual_occurrence where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_ritual_plan where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_stakeholder where account_id = ?", ACCOUNT);
    at(YEAR + "-06-01");
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  private static void at(String day) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(day + "T10:00:00Z")));
  }

  /** Five rituals due (two held, rated 4 and 5; three missed), one still to come; one action overdue. */
  private long missedRitualsAndAnOverdueAction() {
    jdbc.update("insert into kap_ritual_plan (cycle_year, account_id, segment, status, process_instance_id, "
        + "updated_at) values (?, ?, 'Strategic', 'ACTIVE', 'test', current_timestamp)", YEAR, ACCOUNT);
    occurrence("2146-01-20", "HELD", 4);
    occurrence("2146-02-20", "HELD", 5);
    occurrence("2146-03-20", "MISSED", null);
    occurrence("2146-04-20", "MISSED", null);
    occurrence("2146-05-20", "NOT_HELD", null);
    occurrence("2146-09-20", "PLANNED", null);
    long overdue = actions.insert(YEAR, ACCOUNT, FollowUpAction.Source.RITUAL, "1/0", "Send the proposal", "alice",
        "alice", LocalDate.of(YEAR, 5, 1), Instant.now());
    actions.insert(YEAR, ACCOUNT, FollowUpAction.Source.RITUAL, "1/1", "Not due yet", "alice", "alice",
        LocalDate.of(YEAR, 7, 1), Instant.now());
    long done = actions.insert(YEAR, ACCOUNT, FollowUpAction.Source.RITUAL, "1/2", "Done in time", "alice", "alice",
        LocalDate.of(YEAR, 4, 1), Instant.now());
    actions.updateStatus(done, FollowUpAction.Status.DONE, null, "alice", Instant.now());
    return overdue;
  }

  private void occurrence(String day, String status, Integer satisfaction) {
    jdbc.update("insert into kap_ritual_occurrence (cycle_year, account_id, ritual_type, planned_date, status, "
        + "held_date, satisfaction, updated_at) values (?, ?, 'customerBusinessReview', ?, ?, ?, ?, "
        + "current_timestamp)", YEAR, ACCOUNT, java.sql.Date.valueOf(day), status,
        "HELD".equals(status) ? java.sql.Date.valueOf(day) : null, satisfaction);
  }

  @Test
  void missedRitualsAnOverdueActionAndNoCoverageCostTheirPoints() {
    assertThat(portfolio.segment(YEAR, ACCOUNT).orElseThrow().segment()).isEqualTo(Segment.STRATEGIC);
    missedRitualsAndAnOverdueAction();

    ResponseEntity<JsonNode> response = api.get("alice", PATH, JsonNode.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    JsonNode body = response.getBody();
    assertThat(body.get("year").asInt()).as("this year, by the clock").isEqualTo(YEAR);
    // 100 - 30 (2 of 5 held) - 20 (coverage) - 10 (one overdue); satisfaction 4.5 and no review cost nothing
    assertThat(body.get("score").asInt()).isEqualTo(40);
    assertThat(texts(body.get("reasons"))).containsExactly("Rituals held: 40 % of those due",
        "No decision maker with an owner and no champion with an owner in the stakeholder map", "1 action overdue");
    assertThat(body.get("history")).hasSize(1);
    assertThat(body.get("history").get(0).get("date").asText()).isEqualTo(YEAR + "-06-01");
    assertThat(body.get("history").get(0).get("score").asInt()).isEqualTo(40);
    assertThat(texts(body.get("history").get(0).get("reasons"))).hasSize(3);
  }

  @Test
  void theAccountsKamItsSponsorAndTheDirectorsMaySeeItOthersNot() {
    for (String user : List.of("alice", "gilles", "diane", "eric")) {
      assertThat(api.get(user, PATH, JsonNode.class).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    }
    assertThat(api.get("bruno", PATH, JsonNode.class).getStatusCode()).as("another KAM")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("hana", PATH, JsonNode.class).getStatusCode()).as("the training coordinator")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get(null, PATH, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.get("diane", "/api/accounts/ACC-NOPE/health", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aYearTheAccountIsNotSegmentedForIsAnsweredButNotStored() {
    ResponseEntity<JsonNode> response = api.get("alice", PATH + "?year=1999", JsonNode.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().get("year").asInt()).isEqualTo(1999);
    assertThat(health.healthOf(ACCOUNT, 1999).history()).as("nothing written for 1999").isEmpty();
  }

  @Test
  void theHistoryGrowsWhenTheScoreChangesAndNotWhenItStays() {
    long overdue = missedRitualsAndAnOverdueAction();
    assertThat(health.healthOf(ACCOUNT, YEAR).history()).hasSize(1);
    assertThat(health.healthOf(ACCOUNT, YEAR).history()).as("the same day, the same score").hasSize(1);
    at(YEAR + "-06-02");
    assertThat(health.healthOf(ACCOUNT, YEAR).history()).as("the next day, the same score").hasSize(1);

    actions.updateStatus(overdue, FollowUpAction.Status.DONE, null, "alice", Instant.now());
    AccountHealth.Health better = health.healthOf(ACCOUNT, YEAR);
    assertThat(better.score()).isEqualTo(50);
    assertThat(better.history()).extracting(AccountHealth.HealthEntry::date, AccountHealth.HealthEntry::score)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(YEAR, 6, 2), 50),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(YEAR, 6, 1), 40));
    assertThat(better.history().get(0).reasons()).doesNotContain("1 action overdue");

    actions.updateStatus(overdue, FollowUpAction.Status.OPEN, null, "alice", Instant.now());
    assertThat(health.healthOf(ACCOUNT, YEAR).history()).as("back to the day before's within the day: no repeat")
        .extracting(AccountHealth.HealthEntry::score).containsExactly(40);
  }

  @Test
  void theDailyJobStoresEveryAccountOnceAndOnlyWhatChanged() {
    missedRitualsAndAnOverdueAction();
    int accounts = portfolio.segments(YEAR).size();
    assertThat(health.storeAll(YEAR)).as("every account's first snapshot").isEqualTo(accounts);
    assertThat(health.storeAll(YEAR)).as("nothing changed").isZero();
    at(YEAR + "-06-02");
    assertThat(health.storeAll(YEAR)).as("the next day, nothing changed").isZero();

    List<AccountHealthSource.StoredHealth> latest = health.latestOf(YEAR);
    assertThat(latest).hasSize(accounts);
    AccountHealthSource.StoredHealth ours = latest.stream().filter(h -> h.accountId().equals(ACCOUNT)).findFirst()
        .orElseThrow();
    assertThat(ours.score()).isEqualTo(40);
    assertThat(ours.date()).isEqualTo(LocalDate.of(YEAR, 6, 1));
    assertThat(health.healthOf(ACCOUNT, YEAR).history()).as("the API and the job agree: nothing to store")
        .hasSize(1);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
