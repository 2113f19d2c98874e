package com.kap.budget;

import static com.kap.budget.AccountPageYear.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The account page in headless Chromium, reached as a KAM reaches it: alice logs into Tasklist, follows "My
 * accounts" in Tasklist's header, opens Zenith Bank (ACC-012) and reads what the second version of its 2084 plan
 * changed; bruno, another KAM, types the page's address and is told whom it is for.
 */
@KapTest
class AccountPageInBrowserTest {

  private static final String ACCOUNT = "ACC-012";

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @Test
  void aliceFollowsMyAccountsToHerAccountsPlanDifferenceAndBrunoIsRefused() throws Exception {
    Api api = new Api(rest);
    AccountPageYear.cycle(api);
    AccountPageYear.draftTwoVersions(api, "alice", ACCOUNT);

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.openKapPage("My accounts");
      browser.waitForText("Your accounts by name");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the list").isEmpty();
      browser.click(By.xpath("//table[@id='accounts']//a[normalize-space()='Zenith Bank']"));
      browser.waitForText("What version 2 changed from version 1");
      String changes = browser.find(By.id("plan-changes-" + YEAR + "-2")).getText();
      assertThat(changes).contains("Customer situation", "Consolidating suppliers", AccountPageYear.NEW_SITUATION,
          "Objectives", "Lift margin", "Type changed", "Revenue", "Profitability");
      assertThat(browser.find(By.id("plan-versions-" + YEAR)).getText())
          .contains("Returned by the quality gate", "Passed the quality gate; in review");
      browser.screenshot("account-page-alice-reads-the-plan-difference");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the account page").isEmpty();
      assertThat(browser.refusedRequests()).as("no request of the page refused").isEmpty();
      browser.backToTasklist();
      browser.logOut();

      browser.logIntoTasklist("bruno", "demo");
      browser.openPage("/kap/accounts/" + ACCOUNT);
      browser.waitForText("An account's page is for its KAM, its executive sponsor, the programme director and the "
          + "directors. You are none of these for " + ACCOUNT + ".");
      assertThat(browser.pageText()).doesNotContain("Zenith Bank", AccountPageYear.NEW_SITUATION);
      browser.screenshot("account-page-bruno-is-refused");
    }
  }
}
