package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.CycleRepository;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.Api;
import com.kap.support.Exports;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The year's proofs of success on the running application, from records of a year of its own: two approved plans
 * whose objectives plan reviews recorded actuals for (one against an earlier, not approved version, which must not
 * count), rituals held and missed, and training sessions recorded. The API, the page and the PDF show the same
 * figures, to the programme director and the directors only.
 */
@KapTest
class ProofsOfSuccessTest {

  private static final int YEAR = 2156;
  private static final String ATLAS = "ACC-003";
  private static final String BALTIC = "ACC-006";
  private static final String API = "/api/programme/" + YEAR + "/proofs";

  @Autowired CycleRepository cycles;
  @Autowired AccountPlanRepository plans;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired Portfolio portfolio;
  @Autowired TrainingRecords training;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  private static boolean made;
  private Api api;

  @BeforeEach
  void year() {
    api = new Api(rest);
    if (made) {
      return; // the year's records are made once for the class
    }
    // the year is this class's own: start from nothing, whatever an earlier run left
    jdbc.update("delete from kap_review_actual where plan_year = ?", YEAR);
    jdbc.update("delete from kap_ritual_occurrence where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_ritual_plan where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_training_participant where session_no in (select session_no from "
        + "kap_training_session where cycle_year = ?)", YEAR);
    jdbc.update("delete from kap_training_account where session_no in (select session_no from "
        + "kap_training_session where cycle_year = ?)", YEAR);
    jdbc.update("delete from kap_training_session where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_plan_version where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_account_plan where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_cycle where cycle_year = ?", YEAR);
    cycles.insert(YEAR, "proofs-test", LocalDate.of(YEAR - 1, 12, 15), LocalDate.of(YEAR, 3, 31), "diane",
        Instant.now());
    if (portfolio.segments(YEAR).isEmpty()) {
      segmentation.segment(YEAR);
    }
    PlanContent atlas = plan(List.of(
        new PlanContent.Objective("revenue", "Grow the contract", "Revenue", "€2.0M", "€2.4M", LocalDate.of(YEAR, 12, 31)),
        new PlanContent.Objective("profitability", "Lift the margin", "Gross margin", "12 %", "15 %", null),
        new PlanContent.Objective("value", "Prove the savings", "NPS", "30", "NPS 40", null),
        new PlanContent.Objective("relationship", "Meet the board", null, null, "Twice", null)),
        List.of(new PlanContent.TrainingNeed("kam", "Value selling"), new PlanContent.TrainingNeed("kam", "Finance"),
            new PlanContent.TrainingNeed("sponsor", "Board coaching")));
    PlanContent baltic = plan(List.of(
        new PlanContent.Objective("profitability", "Margin on freight", "Margin", "18 %", "20 %", null)), List.of());
    approved(ATLAS, atlas);
    planOf(BALTIC);
    plans.addVersion(YEAR, BALTIC, "alice", Instant.now(), baltic, List.of()); // version 1, not approved
    approved(BALTIC, baltic); // version 2

    for (String account : List.of(ATLAS, BALTIC)) {
      jdbc.update("insert into kap_ritual_plan (cycle_year, account_id, segment, status, process_instance_id, "
          + "updated_at) values (?, ?, ?, 'ACTIVE', 'proofs-test', current_timestamp)", YEAR, account,
          portfolio.segment(YEAR, account).orElseThrow().segment().label());
    }
    long atlasReview = occurrence(ATLAS, YEAR + "-04-10", "HELD");
    actual(atlasReview, 0, 1, "2.2");  // 92 % of €2.4M
    actual(atlasReview, 1, 1, "16");   // 107 % of 15 %
    actual(atlasReview, 2, 1, "40");   // 100 % of NPS 40
    occurrence(ATLAS, YEAR + "-05-10", "MISSED");
    long balticReview = occurrence(BALTIC, YEAR + "-04-12", "HELD");
    actual(balticReview, 0, 2, "18");  // 90 % of 20 %
    long staleReview = occurrence(BALTIC, YEAR + "-06-12", "HELD");
    actual(staleReview, 0, 1, "25");   // later, but against version 1, which was not approved: does not count
    occurrence(BALTIC, YEAR + "-11-20", "PLANNED"); // not due yet (the clock is before it or the year is future)

    // sessions are recorded once delivered: on a day of the year after them
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        Instant.parse(YEAR + "-07-01T10:00:00Z")));
    try {
      recordSessions();
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    made = true;
  }

  private void recordSessions() {
    training.record(RecordTrainingSession.of(YEAR, "Value selling for KAMs", "kam", LocalDate.of(YEAR, 2, 3),
        new BigDecimal("6"), List.of("alice", "bruno"), List.of(ATLAS), null, "hana"));
    training.record(RecordTrainingSession.of(YEAR, "Sponsor coaching", "sponsor", LocalDate.of(YEAR, 3, 4),
        new BigDecimal("1.5"), List.of("gilles"), List.of(), "One to one", "hana"));
  }

  private static PlanContent plan(List<PlanContent.Objective> objectives, List<PlanContent.TrainingNeed> needs) {
    return new PlanContent("Situation", "Strategy", "Strengths", "Vulnerabilities", objectives, "Strategies",
        List.of(), List.of(), needs, "Quarterly top-to-top");
  }

  private void approved(String accountId, PlanContent content) {
    planOf(accountId);
    int version = plans.addVersion(YEAR, accountId, "alice", Instant.now(), content, List.of());
    plans.approve(YEAR, accountId, version, Instant.now());
  }

  private void planOf(String accountId) {
    if (plans.find(YEAR, accountId).isEmpty()) {
      plans.insert(new AccountPlan(YEAR, accountId, "proofs-test-" + accountId, "alice",
          portfolio.segment(YEAR, accountId).orElseThrow().segment().label(), AccountPlan.Status.DRAFTING,
          Instant.now(), null, null));
    }
  }

  private long occurrence(String accountId, String day, String status) {
    jdbc.update("insert into kap_ritual_occurrence (cycle_year, account_id, ritual_type, planned_date, status, "
        + "held_date, updated_at) values (?, ?, 'planReview', ?, ?, ?, current_timestamp)", YEAR, accountId,
        java.sql.Date.valueOf(day), status, "HELD".equals(status) ? java.sql.Date.valueOf(day) : null);
    return jdbc.queryForObject("select max(occurrence_no) from kap_ritual_occurrence where account_id = ? "
        + "and cycle_year = ?", Long.class, accountId, YEAR);
  }

  private void actual(long occurrence, int objectiveNo, int planVersion, String actual) {
    jdbc.update("insert into kap_review_actual (occurrence_no, objective_no, plan_year, plan_version, objective, "
        + "target, actual) values (?, ?, ?, ?, 'objective', null, ?)", occurrence, objectiveNo, YEAR, planVersion,
        new BigDecimal(actual));
  }

  private static JsonNode byType(JsonNode proofs, String type) {
    for (JsonNode row : proofs.get("objectives").get("byType")) {
      if (row.get("type").asText().equals(type)) {
        return row;
      }
    }
    throw new AssertionError("no objective type " + type);
  }

  @Test
  void theApiCountsObjectivesMetRitualsAndTrainingFromTheYearsRecords() {
    ResponseEntity<JsonNode> answer = api.get("diane", API, JsonNode.class);
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    JsonNode proofs = answer.getBody();
    assertThat(proofs.get("approvedPlans").asInt()).isEqualTo(2);
    JsonNode objectives = proofs.get("objectives");
    assertThat(objectives.get("plansWithValueObjective").asInt()).isEqualTo(2);
    // profitability 107 % (Atlas) and 90 % (Baltic, its approved version's actual); value 100 %
    assertThat(objectives.get("value").get("objectives").asInt()).isEqualTo(3);
    assertThat(objectives.get("value").get("reviewed").asInt()).isEqualTo(3);
    assertThat(objectives.get("value").get("met").asInt()).isEqualTo(2);
    assertThat(objectives.get("margin").get("averagePercent").asInt()).as("(107 + 90) / 2").isEqualTo(99);
    assertThat(objectives.get("revenue").get("averagePercent").asInt()).isEqualTo(92);
    assertThat(objectives.get("revenue").get("met").asInt()).isZero();
    assertThat(byType(proofs, "relationship").get("objectives").asInt()).isEqualTo(1);
    assertThat(byType(proofs, "relationship").get("reviewed").asInt()).isZero();

    JsonNode rituals = proofs.get("rituals");
    assertThat(rituals.get("total").get("planned").asInt()).isEqualTo(5);
    assertThat(rituals.get("total").get("due").asInt()).isEqualTo(4);
    assertThat(rituals.get("total").get("held").asInt()).isEqualTo(3);
    String atlasSegment = portfolio.segment(YEAR, ATLAS).orElseThrow().segment().label();
    int atlasSegmentHeld = 0;
    for (JsonNode row : rituals.get("bySegment")) {
      if (row.get("group").asText().equals(atlasSegment)) {
        atlasSegmentHeld = row.get("held").asInt();
      }
    }
    assertThat(atlasSegmentHeld).as("Atlas's held plan review counts in its segment").isPositive();

    assertThat(proofs.get("bids").get("fundedBids").asInt()).as("no budget round in the year").isZero();

    JsonNode trainingFigures = proofs.get("training");
    assertThat(trainingFigures.get("total").get("sessions").asInt()).isEqualTo(2);
    assertThat(trainingFigures.get("total").get("participants").asInt()).isEqualTo(3);
    assertThat(trainingFigures.get("total").get("participantHours").decimalValue()).isEqualByComparingTo("13.5");
    assertThat(trainingFigures.get("total").get("needs").asInt()).isEqualTo(3);
    assertThat(trainingFigures.get("byAudience").get(0).get("audience").asText()).isEqualTo("kam");
    assertThat(trainingFigures.get("byAudience").get(0).get("needs").asInt()).isEqualTo(2);
    assertThat(trainingFigures.get("byAudience").get(0).get("sessions").asInt()).isEqualTo(1);
    assertThat(trainingFigures.get("sessions").get(0).get("title").asText()).isEqualTo("Value selling for KAMs");
  }

  @Test
  void onlyTheProgrammeDirectorTheDirectorsAndTheAdminSeeThem() {
    for (String user : List.of("diane", "eric", "fatima")) {
      assertThat(api.get(user, API, JsonNode.class).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    }
    for (String user : List.of("alice", "gilles", "hana")) {
      assertThat(api.get(user, API, JsonNode.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(api.get(null, API, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> none = api.get("diane", "/api/programme/2199/proofs", JsonNode.class);
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(none.getBody().toString()).contains("no planning cycle for 2199");
  }

  @Test
  void thePageShowsTheSameFiguresWithTheYearToPickAndThePdf() {
    WebappSession diane = new WebappSession(port);
    assertThat(diane.login("diane", "demo", "tasklist")).isEqualTo(200);
    HttpResponse<String> page = diane.page("/kap/proofs?year=" + YEAR);
    assertThat(page.statusCode()).isEqualTo(200);
    String body = page.body();
    assertThat(body).contains("Proofs of success <span>" + YEAR + "</span>",
        "<strong>2 of 3</strong>", "reviewed profitability and value objectives met their target",
        "<strong>2 plans</strong> approved", "2 of 2 approved plans hold one.", "3 training needs",
        "<td>ACC-003</td>",
        "/kap/exports/programme/" + YEAR + "/proofs.pdf", "No funded bid of the year",
        "Value selling for KAMs", "alice, bruno", "Executive sponsor");
    assertThat(body).containsPattern("profitability objectives\\s*<strong>at 99 %</strong>");
    assertThat(body).containsPattern("revenue objectives\\s*<strong>at 92 %</strong>");
    assertThat(body).doesNotContain("<script");

    WebappSession alice = new WebappSession(port);
    alice.login("alice", "demo", "tasklist");
    HttpResponse<String> refused = alice.page("/kap/proofs?year=" + YEAR);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("for the programme director and the directors");
    assertThat(diane.page("/kap/proofs?year=2199").statusCode()).isEqualTo(404);
  }

  @Test
  void thePdfPrintsTheProofsForTheSteeringCommittee() throws Exception {
    ResponseEntity<byte[]> pdf = new Exports(rest).get("eric", API + ".pdf");
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"kap-proofs-of-success-" + YEAR + ".pdf\"");
    Exports.keep(pdf.getBody(), "proofs-of-success.pdf");
    String text = Exports.pdfText(pdf.getBody());
    assertThat(text).contains("Proofs of success " + YEAR, "Value objectives met 2 of 3 reviewed",
        "Profitability objectives at 99 % of target on average; revenue objectives at 92 %",
        "Ritual compliance", "Funded-bid value delivered", "No funded bid of the year",
        "Training delivered", "2 sessions, 3 people trained, 13.5 participant-hours", "Value selling for KAMs",
        "printed by eric on ");
    assertThat(new Exports(rest).get("alice", API + ".pdf").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
