package com.kap.planning;

import static com.kap.support.Exports.cell;
import static com.kap.support.Exports.date;
import static com.kap.support.Exports.header;
import static com.kap.support.Exports.number;
import static com.kap.support.Exports.problem;
import static com.kap.support.Exports.row;
import static com.kap.support.Exports.rows;
import static com.kap.support.Exports.text;
import static com.kap.support.ExportYear.ACTION;
import static com.kap.support.ExportYear.IN_REVIEW;
import static com.kap.support.ExportYear.OBJECTIVE;
import static com.kap.support.ExportYear.PLAN_ACCOUNT;
import static com.kap.support.ExportYear.SITUATION;
import static com.kap.support.ExportYear.STRATEGY;
import static com.kap.support.ExportYear.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.ExportYear;
import com.kap.support.Exports;
import com.kap.support.KapTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The planning exports, downloaded over HTTP as the demo users would and read back: an account's plan as PDF (its text
 * through PDFBox) and the year's plans as .xlsx (through Apache POI), with the same rights as the plan and the
 * programme dashboard over the API.
 */
@KapTest
class PlanExportsTest {

  private static final String PDF = "/api/accounts/" + PLAN_ACCOUNT + "/plans/" + YEAR + ".pdf";
  private static final String PLANS = "/api/programme/" + YEAR + "/plans.xlsx";

  @Autowired TestRestTemplate rest;
  Api api;
  Exports exports;

  @BeforeEach
  void cycle() throws InterruptedException {
    api = new Api(rest);
    exports = new Exports(rest);
    ExportYear.ensure(api);
  }

  @Test
  void theKamPrintsHerApprovedPlanForTheCustomerMeeting() throws Exception {
    ResponseEntity<byte[]> answer = exports.get("alice", PDF);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"account-plan-" + YEAR + "-ACC-003-Atlas-Logistics.pdf\"");
    Exports.keep(answer.getBody(), "account-plan-approved.pdf");
    String text = Exports.pdfText(answer.getBody());
    String segment = api.get("alice", "/api/accounts/" + PLAN_ACCOUNT, JsonNode.class).getBody()
        .get("segmentsByYear").get(String.valueOf(YEAR)).get("segment").asText();
    assertThat(text).contains("Atlas Logistics", "Account plan " + YEAR + " · " + segment + " account", "ACC-003",
        "Key account manager alice", "Executive sponsor gilles", "Status Approved", "Approved by diane on ",
        "Version 1, submitted by alice", SITUATION, STRATEGY, OBJECTIVE, "Profitability", "value objective", "28%",
        "31 Dec " + YEAR, ACTION, "31 Mar " + YEAR, "Top-to-top with the Atlas board each quarter",
        "Value objective Yes");
    assertThat(text).as("the internal part comes last, marked")
        .contains("Internal: not for the customer", "Our prices are 6 % above the cheapest bidder",
            "A competitor undercuts on price", "Value selling", "Page 1 of ");
    assertThat(text.indexOf(ACTION)).isLessThan(text.indexOf("Internal: not for the customer"));
    assertThat(text).as("the stakeholder map, with attitudes, is internal").contains("Stakeholder map",
        "Eva Lind COO Decision maker High Supporter diane", "Jon Berg Head of logistics Champion Medium Supporter");
    assertThat(text.indexOf("Stakeholder map")).isGreaterThan(text.indexOf("Internal: not for the customer"));

    JsonNode plan = api.get("alice", "/api/accounts/" + PLAN_ACCOUNT + "/plans/" + YEAR, JsonNode.class).getBody();
    assertThat(plan.get("status").asText()).as("the PDF shows what the API has").isEqualTo("APPROVED");
    for (String reader : new String[] {"gilles", "diane", "eric", "admin"}) {
      assertThat(exports.get(reader, PDF).getStatusCode()).as(reader + " reads the plan").isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void aPlanInReviewSaysItIsNotApprovedYet() throws Exception {
    ResponseEntity<byte[]> answer = exports.get("chen", "/api/accounts/" + IN_REVIEW + "/plans/" + YEAR + ".pdf");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Exports.pdfText(answer.getBody())).contains("Maple Paper", "Status In review", "Approved Not approved yet",
        "Lift margin");
  }

  @Test
  void thePlanPdfIsRefusedAsThePlanIs() throws Exception {
    ResponseEntity<byte[]> otherKam = exports.get("bruno", PDF);
    assertThat(otherKam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(problem(otherKam).get("detail").asText()).isEqualTo("user 'bruno' may not read account 'ACC-003'");
    assertThat(exports.get("hana", PDF).getStatusCode()).as("the training coordinator reads no plan")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exports.get(null, PDF).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<byte[]> noPlan = exports.get("alice", "/api/accounts/" + PLAN_ACCOUNT + "/plans/1999.pdf");
    assertThat(noPlan.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(problem(noPlan).get("detail").asText()).isEqualTo("account 'ACC-003' has no plan for 1999");
    ResponseEntity<byte[]> noAccount = exports.get("diane", "/api/accounts/ACC-999/plans/" + YEAR + ".pdf");
    assertThat(noAccount.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(problem(noAccount).get("detail").asText()).isEqualTo("no account 'ACC-999'");
    ResponseEntity<byte[]> notAYear = exports.get("diane", "/api/accounts/" + PLAN_ACCOUNT + "/plans/next.pdf");
    assertThat(notAYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problem(notAYear).get("detail").asText()).contains("'year'", "'next'");
  }

  @Test
  void theYearsPlansAsASpreadsheet() throws Exception {
    ResponseEntity<byte[]> answer = exports.get("eric", PLANS);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType())
        .hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"kap-plans-" + YEAR + ".xlsx\"");
    try (XSSFWorkbook book = Exports.workbook(answer.getBody())) {
      assertThat(book.getNumberOfSheets()).isEqualTo(1);
      Sheet sheet = book.getSheet("Plans " + YEAR);
      assertThat(header(sheet)).containsExactly("Account ID", "Account", "Region", "KAM", "Sponsor", "Segment",
          "Plan status", "Version", "Submitted", "Submitted by", "Quality gate passed", "Sponsor review by",
          "Approved", "Approved by", "Approved on time", "Overdue", "Value objective", "Objectives", "Actions",
          "Training needs");
      Exports.assertFrozenHeaderAndWidths(sheet);
      JsonNode dashboard = api.get("eric", "/api/programme/" + YEAR + "/dashboard", JsonNode.class).getBody();
      assertThat(rows(sheet)).as("one row per account of the cycle").hasSize(dashboard.get("accounts").asInt());

      Row atlas = row(sheet, "Account ID", PLAN_ACCOUNT);
      assertThat(text(atlas, "Account")).isEqualTo("Atlas Logistics");
      assertThat(text(atlas, "Region")).isEqualTo("EMEA");
      assertThat(text(atlas, "KAM")).isEqualTo("alice");
      assertThat(text(atlas, "Sponsor")).isEqualTo("gilles");
      assertThat(text(atlas, "Plan status")).isEqualTo("Approved");
      assertThat(number(atlas, "Version")).isEqualTo(1.0);
      assertThat(date(atlas, "Approved")).isAfterOrEqualTo(date(atlas, "Submitted"));
      assertThat(text(atlas, "Approved by")).isEqualTo("diane");
      assertThat(text(atlas, "Sponsor review by")).isEqualTo("gilles");
      assertThat(text(atlas, "Quality gate passed")).isEqualTo("Yes");
      assertThat(text(atlas, "Approved on time")).isEqualTo("Yes");
      assertThat(text(atlas, "Overdue")).isEqualTo("No");
      assertThat(text(atlas, "Value objective")).isEqualTo("Yes");
      assertThat(number(atlas, "Objectives")).isEqualTo(2.0);
      assertThat(number(atlas, "Actions")).isEqualTo(1.0);
      assertThat(number(atlas, "Training needs")).isEqualTo(1.0);

      Row maple = row(sheet, "Account ID", IN_REVIEW);
      assertThat(text(maple, "Plan status")).isEqualTo("In review");
      assertThat(cell(maple, "Approved")).as("not approved: blank").isNull();
      assertThat(cell(maple, "Approved on time")).isNull();
      assertThat(text(maple, "Overdue")).as("the deadline is in December 2042").isEqualTo("No");
    }
  }

  @Test
  void theYearsPlansAreForTheProgrammeDashboardsReadersOnly() throws Exception {
    ResponseEntity<byte[]> kam = exports.get("alice", PLANS);
    assertThat(kam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(problem(kam).get("detail").asText()).contains("user 'alice' may not do this");
    assertThat(exports.get("gilles", PLANS).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exports.get("diane", PLANS).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(exports.get("admin", PLANS).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<byte[]> noCycle = exports.get("diane", "/api/programme/1999/plans.xlsx");
    assertThat(noCycle.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(problem(noCycle).get("detail").asText()).isEqualTo("no planning cycle for 1999");
  }
}
