package com.kap.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.Browser;
import com.kap.support.KapTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner works in Cockpit in headless Chromium with KAP's hardened settings: the query limit (Cockpit pages
 * its lists) and the plugin rules (Cockpit's own API answers its users).
 */
@KapTest
class ProcessOwnerInCockpitTest {

  @LocalServerPort int port;

  @Test
  void paulaSeesKapsProcessesAndDeploymentsInCockpit() throws Exception {
    try (Browser browser = new Browser(port)) {
      browser.logInto("cockpit", "paula", "demo");
      browser.open("cockpit", "#/processes");
      browser.waitForText("Account plan");
      browser.screenshot("cockpitProcesses");
      assertThat(browser.pageText()).contains("Annual planning cycle", "Budget round", "Ritual plan")
          .doesNotContainIgnoringCase("unbound number of results").doesNotContainIgnoringCase("max results limit")
          .doesNotContainIgnoringCase("forbidden");

      browser.open("cockpit", "#/decisions");
      browser.waitForText("Segment service levels");
      browser.open("cockpit", "#/repository");
      browser.waitForText("kap");
      browser.screenshot("cockpitDeployments");
      assertThat(browser.pageText()).doesNotContainIgnoringCase("unbound number of results")
          .doesNotContainIgnoringCase("max results limit").doesNotContainIgnoringCase("forbidden");
    }
  }
}
