package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.Browser;
import com.kap.support.KapTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium, as a KAM subscribes her calendar app: alice logs into Tasklist through its login page,
 * follows "My calendar" in Tasklist's header, makes her address and reads it, regenerates it, and a calendar app
 * (plain HTTP, no login) fetches the new address and gets her calendar, while the first one answers 404.
 */
@KapTest
class MyCalendarInTasklistTest {

  @Autowired CalendarSubscriptions subscriptions;
  @Autowired Rituals rituals;
  @Value("${kap.public-base-url}") String publicBaseUrl;
  @LocalServerPort int port;

  @Test
  void aKamMakesAndRegeneratesHerCalendarAddressFromTasklistsHeader() throws Exception {
    subscriptions.revoke("alice"); // whatever other tests of this JVM left: she starts without an address
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.openKapPage("My calendar");
      browser.waitForText("You have no calendar address");
      browser.click(By.xpath("//button[normalize-space()='Make my calendar address']"));
      String first = browser.find(By.id("calendar-url")).getText().strip();
      assertThat(first).startsWith(publicBaseUrl + "/ical/").endsWith(".ics");
      assertThat(browser.pageText()).contains("KAP shows it only this once", "Made",
          "Last fetched by a calendar app");
      assertThat(fetch(first).statusCode()).isEqualTo(200);
      browser.screenshot("my-calendar-made");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core").isEmpty();

      browser.click(By.xpath("//button[normalize-space()='Regenerate']"));
      browser.waitForText("KAP shows it only this once");
      String second = browser.find(By.id("calendar-url")).getText().strip();
      assertThat(second).startsWith(publicBaseUrl + "/ical/").isNotEqualTo(first);
      browser.screenshot("my-calendar-regenerated");
      assertThat(browser.refusedRequests()).as("requests the server refused on the way").isEmpty();

      HttpResponse<String> feed = fetch(second);
      assertThat(feed.statusCode()).isEqualTo(200);
      assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/calendar"));
      assertThat(feed.body()).as("what alice's calendar holds").isEqualTo(rituals.calendarOf("alice"));
      assertThat(fetch(first).statusCode()).as("the address before the regeneration").isEqualTo(404);
    } finally {
      subscriptions.revoke("alice");
    }
  }

  /** A calendar app's fetch: a plain GET of the address's path on this server, no cookie, no credentials. */
  private HttpResponse<String> fetch(String address) throws IOException, InterruptedException {
    URI local = URI.create("http://localhost:" + port + address.substring(publicBaseUrl.length()));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(local).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
