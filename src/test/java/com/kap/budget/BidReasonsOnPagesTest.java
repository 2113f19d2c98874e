package com.kap.budget;

import static com.kap.budget.BudgetFixture.bid;
import static com.kap.budget.BudgetFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.kap.support.ProcessTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An ineligible bid's reason, which the DMN table bidEligibility wrote in English, is shown on KAP's pages in the
 * reader's language: camille (French) reads it in French on "My bids" and on her account's page, diane (English)
 * in English on the same account's page.
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
