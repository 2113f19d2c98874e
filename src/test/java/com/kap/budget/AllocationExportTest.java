package com.kap.budget;

import static com.kap.support.Exports.cell;
import static com.kap.support.Exports.date;
import static com.kap.support.Exports.header;
import static com.kap.support.Exports.number;
import static com.kap.support.Exports.problem;
import static com.kap.support.Exports.row;
import static com.kap.support.Exports.rows;
import static com.kap.support.Exports.shown;
import static com.kap.support.Exports.text;
import static com.kap.support.ExportYear.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.ExportYear;
import com.kap.support.Exports;
import com.kap.support.KapTest;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A budget round's allocation and audit trail as .xlsx, downloaded over HTTP at each stage of a round that its users
 * drive through the API, and read back with Apache POI: nothing of a bid before the call closes, no other member's
 * score while a bid is being scored, and after the decision every bid with its cost, benefit, outcome and reason.
 */
@KapTest
class AllocationExportTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  Api api;
  Exports exports;

  @BeforeEach
  void setUp() throws InterruptedException {
    api = new Api(rest);
    exports = new Exports(rest);
    ExportYear.ensure(api);
    jdbc.update("delete from kap_open_round"); // tests share one database: no other test's round takes the bids
  }

  @AfterEach
  void release() {
    jdbc.update("delete from kap_open_round");
  }

  @Test
  void aRoundsAllocationAndAuditTrailAtEachStage() throws Exception {
    ResponseEntity<JsonNode> round = api.postJson("diane",
        "/engine-rest/process-definition/key/budgetRound/submit-form",
        BudgetForms.round("Exports " + YEAR, null, YEAR), JsonNode.class);
    assertThat(round.getStatusCode()).isEqualTo(HttpStatus.OK);
    String roundId = round.getBody().get("businessKey").asText();
    String export = "/api/budget/rounds/" + roundId + "/allocation.xlsx";
    String atlasBid = bid("alice", "ACC-003", 70_000);
    String orionBid = bid("bruno", "ACC-007", 30_000);

    // the call is open: no bid shows, in either sheet, nor in the dashboard's budget
    assertThat(dashboard()).contains("id=\"no-bids-yet\"").doesNotContain("budget-by-region");
    ResponseEntity<byte[]> open = exports.get("eric", export);
    assertThat(open.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(open.getHeaders().getContentType())
        .hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(open.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"kap-allocation-" + roundId + "-Exports-" + YEAR + ".xlsx\"");
    try (XSSFWorkbook book = Exports.workbook(open.getBody())) {
      assertThat(book.getSheetName(0)).isEqualTo("Allocation");
      assertThat(book.getSheetName(1)).isEqualTo("Audit trail");
      assertThat(book.getSheetName(2)).isEqualTo("Round");
      assertThat(rows(book.getSheet("Allocation"))).isEmpty();
      assertThat(auditActions(book)).containsExactly("Round opened");
      Row facts = rows(book.getSheet("Round")).get(0);
      assertThat(text(facts, "Status")).isEqualTo("Open for bids");
      assertThat(text(facts, "Note")).startsWith("The call for bids is open");
      assertThat(number(facts, "Envelope")).isEqualTo(100_000.0);
      assertThat(shown(facts, "Envelope")).isEqualTo("100,000");
      assertThat(number(facts, "Plan year")).isEqualTo((double) YEAR);
      assertThat(shown(facts, "Plan year")).isEqualTo(String.valueOf(YEAR));
      assertThat(date(facts, "Call closes")).isNotNull();
    }

    // the call closes (the admin fires the deadline timer early); eric scores, fatima has not yet
    JsonNode timer = api.get("admin", "/engine-rest/job?maxResults=10&timers=true&processInstanceId="
        + round.getBody().get("id").asText(), JsonNode.class).getBody().get(0);
    assertThat(api.postJson("admin", "/engine-rest/job/" + timer.get("id").asText() + "/execute", "",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    score("eric", atlasBid, 5);
    score("eric", orionBid, 2);
    assertThat(dashboard()).as("the call has closed: the bids count, none decided yet")
        .contains("budget-by-region", "— (not decided yet)");
    try (XSSFWorkbook book = Exports.workbook(exports.get("fatima", export).getBody())) {
      assertThat(auditActions(book)).as("blind: fatima sees no score before she has scored")
          .contains("Bid submitted", "Eligibility").doesNotContain("Score");
      Row bid = row(book.getSheet("Allocation"), "Bid", atlasBid);
      assertThat(text(bid, "Status")).isEqualTo("Being scored");
      assertThat(cell(bid, "Benefit score")).as("no benefit before every member has scored").isNull();
      assertThat(cell(bid, "Funded")).as("not decided yet").isNull();
    }
    try (XSSFWorkbook book = Exports.workbook(exports.get("eric", export).getBody())) {
      Sheet trail = book.getSheet("Audit trail");
      List<Row> scores = rows(trail).stream().filter(r -> text(r, "Action").equals("Score")).toList();
      assertThat(scores).as("eric sees his own scores").hasSize(2)
          .allSatisfy(r -> assertThat(text(r, "Who")).isEqualTo("eric"));
    }

    // fatima scores, the optimiser proposes, she accepts: published
    score("fatima", atlasBid, 5);
    score("fatima", orionBid, 2);
    JsonNode decide = api.awaitTask("fatima", "taskDefinitionKey=decideAllocation&processInstanceBusinessKey="
        + roundId);
    assertThat(api.postJson("fatima", "/engine-rest/task/" + decide.get("id").asText() + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"accept\"}}}", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    await(roundId + " to be published").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> "PUBLISHED".equals(api.get("diane", "/api/budget/rounds/" + roundId, JsonNode.class)
            .getBody().get("round").get("status").asText()));
    JsonNode detail = api.get("diane", "/api/budget/rounds/" + roundId, JsonNode.class).getBody();
    assertThat(dashboard()).as("decided").contains("budget-by-region").doesNotContain("not decided yet");

    ResponseEntity<byte[]> decided = exports.get("diane", export);
    assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = Exports.workbook(decided.getBody())) {
      Sheet allocation = book.getSheet("Allocation");
      assertThat(header(allocation)).containsExactly("Bid", "Title", "Account ID", "Account", "KAM", "Category",
          "Cost", "Co-investment", "Expected margin", "Success probability (%)", "Benefit score", "Status",
          "Recommended", "Funded", "From the reserve", "Reason", "Appeal");
      Exports.assertFrozenHeaderAndWidths(allocation);
      assertThat(rows(allocation)).hasSize(2);
      Row atlas = row(allocation, "Bid", atlasBid);
      assertThat(text(atlas, "Account")).isEqualTo("Atlas Logistics");
      assertThat(text(atlas, "KAM")).isEqualTo("alice");
      assertThat(number(atlas, "Cost")).isEqualTo(70_000.0);
      assertThat(shown(atlas, "Cost")).isEqualTo("70,000");
      assertThat(number(atlas, "Benefit score")).isEqualTo(benefit(detail, atlasBid));
      assertThat(text(atlas, "Status")).isEqualTo("Funded");
      assertThat(text(atlas, "Recommended")).isEqualTo("Yes");
      assertThat(text(atlas, "Funded")).isEqualTo("Yes");
      Row orion = row(allocation, "Bid", orionBid);
      assertThat(text(orion, "Account")).isEqualTo("Orion Retail");
      assertThat(number(orion, "Cost")).isEqualTo(30_000.0);
      assertThat(number(orion, "Benefit score")).isLessThan(number(atlas, "Benefit score"));
      assertThat(text(orion, "Funded")).as("70,000 + 30,000 is above the 90,000 available").isEqualTo("No");
      assertThat(text(orion, "Recommended")).isEqualTo("No");
      assertThat(text(orion, "Reason")).isEqualTo(bidReason(detail, orionBid)).startsWith("over budget: needs ");

      Sheet trail = book.getSheet("Audit trail");
      assertThat(header(trail)).containsExactly("When", "Who", "Action", "Bid", "Before", "After", "Reason");
      Exports.assertFrozenHeaderAndWidths(trail);
      assertThat(auditActions(book)).contains("Round opened", "Bid submitted", "Eligibility",
          "Score", "Benefit", "Recommendation", "Decision", "Published");
      Row opened = row(trail, "Action", "Round opened");
      assertThat(text(opened, "Who")).isEqualTo("diane");
      assertThat(date(opened, "When")).isNotNull();
      assertThat(text(row(trail, "Action", "Decision"), "Who")).isEqualTo("fatima");
      assertThat(rows(trail)).hasSize(api.get("diane", "/api/budget/rounds/" + roundId + "/audit", JsonNode.class)
          .getBody().size());
      assertThat(text(rows(book.getSheet("Round")).get(0), "Status")).isEqualTo("Published");
      assertThat(number(rows(book.getSheet("Round")).get(0), "Funded cost")).isEqualTo(70_000.0);
    }
    try (XSSFWorkbook book = Exports.workbook(exports.get("diane", export, "fr").getBody())) {
      Row orion = row(book.getSheet("Allocation"), "Demande", orionBid);
      assertThat(text(orion, "Motif")).as("why the optimiser left it out, in French")
          .startsWith("budget dépassé : il lui manque ").endsWith(" restants");
    }

    // refusals: a KAM, nobody, an unknown round
    ResponseEntity<byte[]> kam = exports.get("alice", export);
    assertThat(kam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(problem(kam).get("detail").asText()).contains("user 'alice' may not do this");
    assertThat(exports.get("gilles", export).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exports.get(null, export).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<byte[]> unknown = exports.get("diane", "/api/budget/rounds/R-999999/allocation.xlsx");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(problem(unknown).get("detail").asText()).isEqualTo("no budget round 'R-999999'");
  }

  /** The programme dashboard of the year as diane reads it in her Tasklist login. */
  private String dashboard() {
    com.kap.support.WebappSession diane = new com.kap.support.WebappSession(port);
    diane.login("diane", "demo", "tasklist");
    java.net.http.HttpResponse<String> page = diane.page("/kap/dashboard?year=" + YEAR);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  private String bid(String kam, String accountId, long cost) {
    ResponseEntity<JsonNode> bid = api.postJson(kam, "/engine-rest/process-definition/key/investmentBid/submit-form",
        BudgetForms.bid(accountId, cost), JsonNode.class);
    assertThat(bid.getStatusCode()).as(String.valueOf(bid.getBody())).isEqualTo(HttpStatus.OK);
    return bid.getBody().get("businessKey").asText();
  }

  private void score(String member, String bidId, int score) throws InterruptedException {
    JsonNode task = api.awaitTask(member, "taskDefinitionKey=scoreBid&assignee=" + member
        + "&processInstanceBusinessKey=" + bidId);
    ResponseEntity<String> done = api.postJson(member, "/engine-rest/task/" + task.get("id").asText()
        + "/submit-form", BudgetForms.scores(score), String.class);
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static List<String> auditActions(XSSFWorkbook book) {
    return rows(book.getSheet("Audit trail")).stream().map(r -> text(r, "Action")).toList();
  }

  private static double benefit(JsonNode detail, String bidId) {
    return bidOf(detail, bidId).get("benefit").asDouble();
  }

  private static String bidReason(JsonNode detail, String bidId) {
    return bidOf(detail, bidId).get("statusReason").asText();
  }

  private static JsonNode bidOf(JsonNode detail, String bidId) {
    for (JsonNode bid : detail.get("bids")) {
      if (bid.get("id").asText().equals(bidId)) {
        return bid;
      }
    }
    throw new AssertionError("no bid " + bidId + " in " + detail);
  }
}
