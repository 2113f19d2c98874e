package com.kap.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.Browser;
import com.kap.support.KapTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process owner and the admin open Tasklist through its login page and see its filters load, and also use
 * Cockpit and Admin: no request the webapps send is refused. The other demo logins are checked the same way at their
 * first step of the demo year's journey. Before {@link WebappPageSize}, Tasklist's
 * filter request ({@code maxResults=2000}) and Cockpit's version list (no {@code maxResults}) answered 400, and
 * nobody saw a task.
 */
@KapTest
class WebappsForEveryRoleTest {

  /**
   * The logins the demo year's journey does not take through Tasklist; that journey logs every other demo user into
   * Tasklist once and makes the same checks ({@code DemoYearJourneyTest#tasklistOf}).
   */
  private static final List<String> USERS = List.of("paula", "admin");

  @LocalServerPort int port;

  @Test
  void everyRoleSeesItsFiltersAndNoWebappRequestIsRefused() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String user : USERS) {
      try (Browser browser = new Browser(port)) {
        browser.logIntoTasklist(user, "demo");
        browser.find(By.xpath("//*[contains(@class,'task-filter')]//h4[@uib-tooltip='My tasks']"));
        browser.waitForText("My group's tasks");
        Thread.sleep(1_000); // the filter counts and the first page load after the list
        browser.screenshot("webapps-tasklist-" + user);
        if (browser.pageText().contains("finished with failures")) {
          problems.add(user + " in Tasklist: " + browser.pageText().lines()
              .filter(line -> line.contains("failure")).toList());
        }
        browser.refusedRequests().forEach(refused -> problems.add(user + " in Tasklist: " + refused));

        if (user.equals("paula") || user.equals("admin")) {
          browser.open("cockpit", "#/dashboard");
          browser.waitForText("Running Process Instances");
          browser.open("cockpit", "#/processes");
          browser.waitForText("Account plan");
          browser.click(By.xpath("//a[normalize-space()='Account plan']"));
          browser.waitForText("Definition Version");
          Thread.sleep(1_000);
          browser.screenshot("webapps-cockpit-" + user);
          browser.refusedRequests().forEach(refused -> problems.add(user + " in Cockpit: " + refused));
        }
        if (user.equals("admin")) {
          browser.open("admin", "#/users");
          browser.waitForText("alice");
          browser.open("admin", "#/groups");
          browser.waitForText("programme-director");
          browser.screenshot("webapps-admin");
          browser.refusedRequests().forEach(refused -> problems.add(user + " in Admin: " + refused));
        }
      }
    }
    assertThat(problems).as("what the webapps could not load").isEmpty();
  }
}
