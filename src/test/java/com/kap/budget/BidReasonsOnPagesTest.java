package com.kap.budget;

import static com.kap.budget.BudgetFixture.bid;
import static com.kap.budget.BudgetFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.kap.support.ProcessTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A bid's status reason, stored in English, is shown on KAP's pages in the reader's language: an ineligible bid's
 * (the DMN table bidEligibility's), why the optimiser left a bid out and the chair's decision. camille (French) reads
 * them in French on "My bids" and on her account's page, diane (English) in English on the same account's page.
 */
@ProcessTest
class BidReasonsOnPagesTest extends BudgetProcessTestBase {

  private static final int YEAR = 2195; // a year of its own (docs/testing.md); a round's is at most 2200
  private static final String ENGLISH = "the account plan for the year is not approved";
  private static final String FRENCH = "le plan de compte de l'année n'est pas approuvé";

  @LocalServerPort int port;

  @Test
  void anIneligibleBidsReasonIsInTheReadersLanguage() throws Exception {
    fixture.approvePlans(YEAR, "ACC-003"); // a round needs the year's plans: Atlas Logistics (EMEA) has one
    ProcessInstance round = fixture.startRound(round("APAC " + YEAR, "APAC", YEAR, 100_000));
    // Vega Motors (ACC-011), camille's, has no approved plan for the year: not eligible
    ProcessInstance vega = fixture.submitBid("camille", bid("ACC-011", "Fleet pilot", "growth", 20_000));
    fixture.closeCall(round);
    assertThat(vega).isEnded().hasPassed("bidIneligible");
    assertThat(stored(vega).statusReason()).isEqualTo(ENGLISH);

    WebappSession camille = session("camille");
    String myBids = text(camille.page("/kap/bids"));
    assertThat(myBids).contains("Fleet pilot", FRENCH).doesNotContain(ENGLISH);
    assertThat(text(camille.page("/kap/accounts/ACC-011"))).contains(FRENCH).doesNotContain(ENGLISH);

    HttpResponse<String> english = session("diane").page("/kap/accounts/ACC-011");
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(text(english)).contains(ENGLISH).doesNotContain(FRENCH);
  }

  @Test
  void whyABidIsNotFundedIsInTheReadersLanguage() throws Exception {
    int year = 2164; // a year of its own
    fixture.approvePlans(year, "ACC-011", "ACC-020");
    ProcessInstance round = fixture.startRound(round("APAC " + year, "APAC", year, 100_000));
    ProcessInstance fleet = fixture.submitBid("camille", bid("ACC-011", "Fleet pilot " + year, "cost-to-serve", 60_000));
    ProcessInstance spa = fixture.submitBid("camille", bid("ACC-020", "Spa loyalty " + year, "cost-to-serve", 45_000));
    fixture.closeCall(round);
    assertThat(stored(fleet).status()).as(stored(fleet).statusReason()).isEqualTo(BidStatus.ELIGIBLE);
    assertThat(stored(spa).status()).as(stored(spa).statusReason()).isEqualTo(BidStatus.ELIGIBLE);
    fixture.scoreByCommittee(fleet, 5);
    fixture.scoreByCommittee(spa, 2);
    // the chair leaves the fleet pilot out; the optimiser left the spa out, over budget
    fixture.complete(round, "fatima", "director", Map.of("decision", "override", "overrides", Spin.JSON(
        "[{\"bidId\": \"" + fixture.bidId(fleet) + "\", \"action\": \"unfund\", \"reason\": \"Not this year\"}]")));
    fixture.runDueJobs();
    assertThat(round).isEnded();
    String overBudget = "over budget: needs 15,000 more than the 30,000 left";
    assertThat(stored(spa).statusReason()).isEqualTo(overBudget);
    assertThat(stored(fleet).statusReason()).isEqualTo("decided by the chair: Not this year");
    String french = "budget dépassé : il lui manque 15\u202f000 au-delà des 30\u202f000 restants";

    WebappSession camille = session("camille");
    assertThat(text(camille.page("/kap/bids"))).contains("Spa loyalty " + year, french,
        "décidé par la présidence : Not this year").doesNotContain(overBudget, "decided by the chair");
    assertThat(text(camille.page("/kap/accounts/ACC-020"))).contains(french).doesNotContain(overBudget);

    HttpResponse<String> english = session("diane").page("/kap/accounts/ACC-020");
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(text(english)).contains(overBudget).doesNotContain(french);
    assertThat(text(session("diane").page("/kap/accounts/ACC-011"))).contains("decided by the chair: Not this year");
  }

  /** The page's HTML with its apostrophes unescaped. */
  private static String text(HttpResponse<String> page) {
    return page.body().replace("&#39;", "'");
  }

  private WebappSession session(String user) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, "demo", "tasklist")).as(user).isEqualTo(200);
    return session;
  }
}
