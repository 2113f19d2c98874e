package com.kap.portfolio;

import static com.kap.support.Exports.cell;
import static com.kap.support.Exports.date;
import static com.kap.support.Exports.header;
import static com.kap.support.Exports.number;
import static com.kap.support.Exports.problem;
import static com.kap.support.Exports.row;
import static com.kap.support.Exports.rows;
import static com.kap.support.Exports.shown;
import static com.kap.support.Exports.text;
import static com.kap.support.ExportYear.OVERRIDDEN;
import static com.kap.support.ExportYear.OVERRIDE_REASON;
import static com.kap.support.ExportYear.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * The segmentation as .xlsx, downloaded over HTTP and read back with Apache POI: the accounts the caller may see, as
 * {@code GET /api/accounts}, at a cycle's stored segments with the programme director's override, or at the current
 * scores.
 */
@KapTest
class SegmentationExportTest {

  private static final String EXPORT = "/api/portfolio/segmentation.xlsx?year=" + YEAR;

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
  void theYearsSegmentationWithItsOverride() throws Exception {
    ResponseEntity<byte[]> answer = exports.get("diane", EXPORT);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType())
        .hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"kap-segmentation-" + YEAR + ".xlsx\"");
    JsonNode tundra = api.get("diane", "/api/accounts/" + OVERRIDDEN, JsonNode.class).getBody()
        .get("segmentsByYear").get(String.valueOf(YEAR));
    try (XSSFWorkbook book = Exports.workbook(answer.getBody())) {
      Sheet sheet = book.getSheet("Segmentation " + YEAR);
      assertThat(header(sheet)).containsExactly("Account ID", "Account", "Region", "KAM", "Sponsor",
          "Attractiveness", "Strength", "Computed segment", "Segment", "Override", "Override reason",
          "Overridden by", "Overridden at");
      Exports.assertFrozenHeaderAndWidths(sheet);
      assertThat(rows(sheet)).hasSize(api.get("diane", "/api/programme/" + YEAR + "/dashboard", JsonNode.class)
          .getBody().get("accounts").asInt());

      Row row = row(sheet, "Account ID", OVERRIDDEN);
      assertThat(text(row, "Account")).isEqualTo("Tundra Outdoor");
      assertThat(text(row, "Region")).isEqualTo("EMEA");
      assertThat(text(row, "KAM")).isEqualTo("alice");
      assertThat(cell(row, "Sponsor")).as("no sponsor: blank").isNull();
      assertThat(number(row, "Attractiveness")).isCloseTo(tundra.get("attractiveness").asDouble(), within(1e-9));
      assertThat(number(row, "Strength")).isCloseTo(tundra.get("strength").asDouble(), within(1e-9));
      assertThat(shown(row, "Strength")).matches("\\d+\\.\\d\\d");
      assertThat(text(row, "Computed segment")).isEqualTo(tundra.get("computedSegment").asText())
          .isNotEqualTo("Status");
      assertThat(text(row, "Segment")).isEqualTo("Status");
      assertThat(text(row, "Override")).isEqualTo("Status");
      assertThat(text(row, "Override reason")).isEqualTo(OVERRIDE_REASON);
      assertThat(text(row, "Overridden by")).isEqualTo("diane");
      assertThat(date(row, "Overridden at")).isNotNull();

      Row atlas = row(sheet, "Account ID", "ACC-003");
      assertThat(text(atlas, "Sponsor")).isEqualTo("gilles");
      assertThat(cell(atlas, "Override")).as("no override: blank").isNull();
      assertThat(text(atlas, "Segment")).isEqualTo(text(atlas, "Computed segment"));
    }
  }

  @Test
  void eachSeesTheAccountsTheyMayReadAndNoMore() throws Exception {
    try (XSSFWorkbook book = Exports.workbook(exports.get("alice", EXPORT).getBody())) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(rows(sheet)).isNotEmpty().allSatisfy(row -> assertThat(text(row, "KAM")).isEqualTo("alice"));
      // the year's segmentation, not today's portfolio: other tests of this JVM may have added accounts since
      try (XSSFWorkbook all = Exports.workbook(exports.get("eric", EXPORT).getBody())) {
        assertThat(rows(sheet).stream().map(row -> text(row, "Account ID")).toList())
            .containsExactlyElementsOf(rows(all.getSheetAt(0)).stream()
                .filter(row -> "alice".equals(text(row, "KAM"))).map(row -> text(row, "Account ID")).toList());
      }
    }
    try (XSSFWorkbook book = Exports.workbook(exports.get("gilles", EXPORT).getBody())) {
      assertThat(rows(book.getSheetAt(0))).isNotEmpty()
          .allSatisfy(row -> assertThat(text(row, "Sponsor")).isEqualTo("gilles"));
    }
    ResponseEntity<byte[]> coordinator = exports.get("hana", EXPORT);
    assertThat(coordinator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(problem(coordinator).get("detail").asText()).isEqualTo("user 'hana' may not read accounts");
    assertThat(exports.get(null, EXPORT).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void withoutAYearTheCurrentScoresAndAnUnknownYearIsRefused() throws Exception {
    ResponseEntity<byte[]> current = exports.get("eric", "/api/portfolio/segmentation.xlsx");
    assertThat(current.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(current.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"kap-segmentation-current.xlsx\"");
    JsonNode atlas = api.get("eric", "/api/accounts/ACC-003", JsonNode.class).getBody();
    try (XSSFWorkbook book = Exports.workbook(current.getBody())) {
      Row row = row(book.getSheet("Segmentation"), "Account ID", "ACC-003");
      assertThat(text(row, "Segment")).isEqualTo(atlas.get("segment").asText());
      assertThat(number(row, "Attractiveness")).isCloseTo(atlas.get("attractiveness").asDouble(), within(1e-9));
      assertThat(cell(row, "Override")).isNull();
    }
    ResponseEntity<byte[]> unknown = exports.get("eric", "/api/portfolio/segmentation.xlsx?year=1999");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(problem(unknown).get("detail").asText()).startsWith("no segmentation for 1999");
  }
}
