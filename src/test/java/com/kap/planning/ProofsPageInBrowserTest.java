package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.internal.CycleRepository;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The proofs of success page walked in Chromium: diane opens it from Tasklist's header, picks the year, reads its
 * sections and finds the PDF for the committee; alice, a KAM, has no link and is refused the page by its address.
 */
@KapTest
class ProofsPageInBrowserTest {

  private static final int YEAR = 2157;

  @Autowired CycleRepository cycles;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired Portfolio portfolio;
  @LocalServerPort int port;

  @Test
  void dianeOpensTheYearsProofsFromTasklistsHeaderAndAKamIsRefused() throws Exception {
    if (cycles.find(YEAR).isEmpty()) {
      cycles.insert(YEAR, "proofs-browser-test", LocalDate.of(YEAR - 1, 12, 15), LocalDate.of(YEAR, 3, 31), "diane",
          Instant.now());
    }
    if (portfolio.segments(YEAR).isEmpty()) {
      segmentation.segment(YEAR);
    }
    int accounts = portfolio.segments(YEAR).size();

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("diane", "demo");
      browser.openKapPage("Proofs of success");
      browser.find(By.xpath("//main/h1[starts-with(normalize-space(), 'Proofs of success')]"));
      new Select(browser.find(By.id("year"))).selectByVisibleText(String.valueOf(YEAR));
      browser.click(By.xpath("//form[contains(@class,'kap-filters')]//button[normalize-space()='Show']"));
      browser.find(By.xpath("//main/h1[normalize-space()='Proofs of success " + YEAR + "']"));
      assertThat(browser.find(By.id("proofs-scope")).getText())
          .contains(accounts + " accounts segmented", "0 plans approved");
      assertThat(browser.pageText()).contains("Value objectives", "The approved plans hold no profitability or value "
          + "objective yet.", "Margin against revenue: no profitability or revenue objective reviewed yet.",
          "Ritual compliance", "Funded-bid value delivered", "No funded bid of the year's budget rounds yet.",
          "Training delivered", "0 sessions").doesNotContain("0 of 0 approved plans");
      assertThat(browser.find(By.xpath("//p[@id='proofs-downloads']/a")).getAttribute("href"))
          .endsWith("/kap/exports/programme/" + YEAR + "/proofs.pdf");
      browser.screenshot("proofs-page");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core").isEmpty();
      assertThat(browser.refusedRequests()).isEmpty();

      browser.backToTasklist();
      browser.logOut();
      browser.logIntoTasklist("alice", "demo");
      browser.find(By.xpath("//a[contains(@class,'kap-page-link') and normalize-space()='My bids']"));
      assertThat(browser.driver().findElements(By.xpath("//a[(contains(@class,'kap-page-link') or "
          + "contains(@class,'kap-page-menu-link')) and normalize-space()='Proofs of success']")))
          .as("no link for a KAM").isEmpty();
      browser.openPage("/kap/proofs");
      browser.waitForText("The year's proofs of success are for the programme director and the directors");
      browser.screenshot("proofs-kam-refused");
    }
  }
}
