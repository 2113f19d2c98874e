package com.kap.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.portfolio.internal.PortfolioCsvParser;
import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * In headless Chromium: diane logs into Tasklist, follows "Import portfolio" in its header, uploads a file saved by a
 * spreadsheet (byte order mark, semicolons, CRLF), reads the preview, and confirms; the accounts are read back
 * through the API. Then alice, a KAM, finds no such link and is refused the page when she types its address.
 */
@KapTest
class ImportPageInBrowserTest {

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @Test
  void dianeImportsAFileFromTasklistsHeaderAndAKamIsRefused(@TempDir Path folder) throws Exception {
    Api api = new Api(rest);
    String header = String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS);
    ResponseEntity<String> before = api.postCsv("diane", header + "\n"
        + "IMP-903,Harbour Works,EMEA,chen,,2,2,2,2,2,2,2,2,2,2,2,2\n", String.class);
    assertThat(before.getStatusCode()).as(before.getBody()).isEqualTo(HttpStatus.OK);
    Path file = folder.resolve("portfolio-2026.csv");
    Files.writeString(file, "\uFEFF" + header.replace(',', ';') + ";revenue;grossMargin\r\n"
        + "IMP-901;Bergblick Hotels;EMEA;alice;gilles;9;9;9;9;9;9;9;9;9;9;9;9;2400000,00;610000,50\r\n"
        + "IMP-902;\"Lumen; Optik\";AMER;bruno;;8;8;8;8;8;8;3;3;3;3;3;3;;\r\n"
        + "IMP-903;Harbour Works;EMEA;chen;;9;9;9;9;9;9;9;9;9;9;9;9;;\r\n", StandardCharsets.UTF_8);

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("diane", "demo");
      browser.openKapPage("Import portfolio");
      browser.waitForText("Upload the portfolio file");
      browser.find(By.id("file")).sendKeys(file.toString());
      browser.click(By.xpath("//button[normalize-space()='Preview']"));
      browser.waitForText("Preview of portfolio-2026.csv");
      browser.screenshot("import-1-preview");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core").isEmpty();
      assertThat(browser.find(By.id("new-accounts")).getText())
          .contains("IMP-901 Bergblick Hotels EMEA alice gilles Strategic", "IMP-902 Lumen; Optik AMER bruno — Star");
      assertThat(browser.find(By.id("segment-moves")).getText()).contains("Harbour Works", "IMP-903", "Streamline",
          "Strategic");
      assertThat(api.get("diane", "/api/accounts/IMP-901", String.class).getStatusCode())
          .as("nothing imported before the confirmation").isEqualTo(HttpStatus.NOT_FOUND);

      browser.click(By.xpath("//button[normalize-space()='Import these accounts']"));
      browser.waitForText("portfolio-2026.csv is imported: 2 new accounts added, 1 account of the file updated");
      browser.screenshot("import-2-imported");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core").isEmpty();
      assertThat(browser.refusedRequests()).isEmpty();

      JsonNode added = api.get("diane", "/api/accounts/IMP-901", JsonNode.class).getBody();
      assertThat(added.get("name").asText()).isEqualTo("Bergblick Hotels");
      assertThat(added.get("sponsor").asText()).isEqualTo("gilles");
      assertThat(added.get("revenue").decimalValue()).isEqualByComparingTo("2400000");
      assertThat(added.get("grossMargin").decimalValue()).isEqualByComparingTo("610000.50");
      assertThat(api.get("diane", "/api/accounts/IMP-902", JsonNode.class).getBody().get("name").asText())
          .isEqualTo("Lumen; Optik");
      assertThat(api.get("diane", "/api/accounts/IMP-903", JsonNode.class).getBody().get("segment").asText())
          .isEqualTo("Strategic");

      browser.backToTasklist();
      browser.logOut();
      browser.logIntoTasklist("alice", "demo");
      browser.find(By.xpath("//a[contains(@class,'kap-page-link') and normalize-space()='My bids']"));
      assertThat(browser.driver().findElements(By.xpath("//a[contains(@class,'kap-page-link') and "
          + "normalize-space()='Import portfolio']"))).as("no link for a KAM").isEmpty();
      browser.openPage("/kap/import");
      browser.waitForText("The portfolio import is for the programme director");
      browser.screenshot("import-3-kam-refused");
      assertThat(browser.driver().findElements(By.id("file"))).isEmpty();
    }
  }
}
