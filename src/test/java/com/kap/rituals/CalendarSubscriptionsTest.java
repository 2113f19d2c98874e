package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.rituals.internal.CalendarTokens;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.support.AsUser;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Personal calendar addresses over HTTP: a KAM makes hers on "My calendar" in her Tasklist session, a calendar app
 * (plain HTTP, no login) fetches it and gets her rituals and nobody else's; regenerating and revoking end addresses
 * at once; unknown tokens and garbage answer the same 404; the page refuses forged posts and users without a
 * calendar; and the ritual mails carry absolute links from {@code kap.public-base-url}, never a token.
 */
@KapTest
class CalendarSubscriptionsTest {

  private static final int YEAR = 2049;
  private static final Pattern ADDRESS = Pattern.compile("<code id=\"calendar-url\">([^<]+)</code>");
  private static boolean ritualsPlanned;
  private static Instant plannedFrom;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired OccurrenceRepository occurrences;
  @Autowired CalendarSubscriptions subscriptions;
  @Autowired JdbcTemplate jdbc;
  @Value("${kap.public-base-url}") String publicBaseUrl;
  @LocalServerPort int port;

  private final HttpClient calendarApp = HttpClient.newHttpClient(); // no cookies, no credentials

  /**
   * alice's Zenith Bank (ACC-012) and bruno's Orion Retail (ACC-007) get validated 2049 calendars, alice's after the
   * programme director sent it back once; each test starts with alice and bruno without an address.
   */
  @BeforeEach
  void ritualsOfTwoKams() {
    subscriptions.revoke("alice");
    subscriptions.revoke("bruno");
    if (ritualsPlanned) {
      return;
    }
    plannedFrom = Instant.now().minusSeconds(2);
    segmentation.segment(YEAR);
    runtimeService.startProcessInstanceByKey("ritualPlan", YEAR + "-ACC-012");
    proposeAsSuggested("ACC-012", "alice");
    decide("ACC-012", Map.of("calendarDecision", "sendBack", "calendarComments", "Add the plant visit in March"));
    proposeAsSuggested("ACC-012", "alice");
    decide("ACC-012", Map.of("calendarDecision", "validate"));
    runtimeService.startProcessInstanceByKey("ritualPlan", YEAR + "-ACC-007");
    proposeAsSuggested("ACC-007", "bruno");
    decide("ACC-007", Map.of("calendarDecision", "validate"));
    ritualsPlanned = true;
  }

  @Test
  void aKamsCalendarAppFetchesHerRitualsWithoutALoginAndNobodyElses() throws Exception {
    WebappSession alice = session("alice");
    HttpResponse<String> before = alice.page("/kap/calendar");
    assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
    assertThat(before.body()).contains("<h1>My calendar</h1>", "You have no calendar address", "From URL")
        .doesNotContain("id=\"calendar-url\"");

    String address = makeAddress(alice);
    assertThat(address).startsWith(publicBaseUrl + "/ical/").endsWith(".ics");
    String token = token(address);
    assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 random bits, URL-safe

    HttpResponse<String> feed = fetch(address);
    assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/calendar"));
    assertThat(feed.headers().firstValue("Cache-Control")).hasValueSatisfying(
        cache -> assertThat(cache).contains("no-store", "private").doesNotContain("public"));
    Set<String> uids = uids(feed.body());
    assertThat(uids).as("every ritual of alice's Zenith Bank").containsAll(uidsOf("ACC-012"));
    assertThat(uids).as("none of bruno's Orion Retail").doesNotContainAnyElementsOf(uidsOf("ACC-007"));

    WebappSession bruno = session("bruno");
    Set<String> brunos = uids(fetch(makeAddress(bruno)).body());
    assertThat(brunos).containsAll(uidsOf("ACC-007")).doesNotContainAnyElementsOf(uidsOf("ACC-012"));

    // KAP keeps the token's SHA-256 only, and shows the address once
    Map<String, Object> row = jdbc.queryForMap("select * from kap_calendar_token where user_id = 'alice'");
    assertThat(row.get("TOKEN_HASH")).isEqualTo(CalendarTokens.hash(token));
    assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(token));
    HttpResponse<String> later = alice.page("/kap/calendar");
    assertThat(later.body()).doesNotContain(token).contains("Last fetched by a calendar app")
        .doesNotContain("not yet").contains("Regenerate", "Revoke");
  }

  @Test
  void regeneratingEndsTheOldAddressAtOnceAndRevokingEndsEvery() {
    WebappSession alice = session("alice");
    String first = makeAddress(alice);
    assertThat(fetch(first).statusCode()).isEqualTo(200);
    String second = makeAddress(alice);
    assertThat(second).isNotEqualTo(first);
    HttpResponse<String> replaced = fetch(first);
    assertThat(replaced.statusCode()).isEqualTo(404);
    assertThat(fetch(second).statusCode()).isEqualTo(200);

    HttpResponse<String> posted = alice.postPage("/kap/calendar/revoke", "", alice.xsrfToken());
    assertThat(posted.statusCode()).as("back to the page, so that a reload sends nothing again").isEqualTo(302);
    HttpResponse<String> revoked = alice.page("/kap/calendar");
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.body()).contains("Your calendar address is revoked", "You have no calendar address");
    HttpResponse<String> gone = fetch(second);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(fetch(first).statusCode()).isEqualTo(404);

    // unknown, replaced and revoked addresses, and garbage, all answer the same: nothing tells which it was
    String unknown = publicBaseUrl + "/ical/" + CalendarTokens.generate() + ".ics";
    List<HttpResponse<String>> refused = new ArrayList<>(List.of(replaced, gone, fetch(unknown)));
    // (URL-encoded as a client sends them: a 42-character token with "!", one character too many, SQL, a long one)
    for (String garbage : List.of("x", "a".repeat(42) + "%21", "A".repeat(44), "%27%20or%20%271%27%3D%271",
        token(second) + "x", "a".repeat(4000))) {
      refused.add(fetch(publicBaseUrl + "/ical/" + garbage + ".ics"));
    }
    for (HttpResponse<String> answer : refused) {
      assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
      assertThat(answer.body()).as(answer.uri().toString()).isEqualTo(replaced.body());
    }
    assertThat(replaced.body()).contains("No calendar at this address").doesNotContain("alice");
  }

  @Test
  void aChangeWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
    WebappSession alice = session("alice");
    String address = makeAddress(alice);
    for (String path : List.of("/kap/calendar/regenerate", "/kap/calendar/revoke")) {
      assertThat(alice.postPage(path, "", null).statusCode()).as(path + " without the token").isEqualTo(403);
      assertThat(alice.postPage(path, "", "not-the-token").statusCode()).as(path + " with a wrong one")
          .isEqualTo(403);
    }
    assertThat(fetch(address).statusCode()).as("the address still works").isEqualTo(200);
    assertThat(new WebappSession(port).postPage("/kap/calendar/revoke", "", null).statusCode())
        .as("nobody logged in").isEqualTo(401);
    assertThat(fetch(address).statusCode()).isEqualTo(200);
  }

  @Test
  void whoHoldsNoRitualHasNoCalendarPageAndNoLinkToIt() throws Exception {
    WebappSession fatima = session("fatima"); // a director: she scores bids and holds no ritual
    HttpResponse<String> page = fatima.page("/kap/calendar");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("you hold no ritual, so KAP has no calendar for you")
        .doesNotContain("Regenerate");
    HttpResponse<String> post = fatima.postPage("/kap/calendar/regenerate", "", fatima.xsrfToken());
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(post.body()).doesNotContain("/ical/");
    assertThat(subscriptions.of("fatima")).isEmpty();
    assertThat(links(fatima)).doesNotContain("/kap/calendar");

    assertThat(links(session("alice"))).contains("/kap/calendar");
    for (String holder : List.of("gilles", "diane")) { // the sponsor and the programme director hold rituals
      WebappSession session = session(holder);
      assertThat(session.page("/kap/calendar").statusCode()).as(holder).isEqualTo(200);
      assertThat(links(session)).as(holder).contains("/kap/calendar");
    }
    HttpResponse<String> anonymous = new WebappSession(port).page("/kap/calendar");
    assertThat(anonymous.statusCode()).isEqualTo(302);
  }

  @Test
  void anAddressOpensNothingOnceItsUserNoLongerHoldsRituals() {
    User user = identityService.newUser("icalkam");
    user.setPassword("ical-test-secret");
    identityService.saveUser(user);
    identityService.createMembership("icalkam", Roles.KAM);
    try {
      WebappSession kam = new WebappSession(port);
      assertThat(kam.login("icalkam", "ical-test-secret", "tasklist")).isEqualTo(200);
      String address = makeAddress(kam);
      HttpResponse<String> feed = fetch(address);
      assertThat(feed.statusCode()).isEqualTo(200);
      assertThat(feed.body()).contains("X-WR-CALNAME:KAP rituals — icalkam");

      identityService.deleteMembership("icalkam", Roles.KAM);
      assertThat(fetch(address).statusCode()).as("no longer a KAM").isEqualTo(404);
      identityService.createMembership("icalkam", Roles.KAM);
      assertThat(fetch(address).statusCode()).isEqualTo(200);
      identityService.deleteUser("icalkam");
      assertThat(fetch(address).statusCode()).as("the user deleted").isEqualTo(404);
    } finally {
      subscriptions.revoke("icalkam");
      identityService.deleteUser("icalkam");
    }
  }

  @Test
  void ritualMailsCarryAbsoluteLinksFromThePublicBaseUrlAndNoToken() throws IOException {
    String sentBack = mail("Ritual calendar " + YEAR + " sent back: Zenith Bank");
    assertThat(sentBack).contains("Add the plant visit in March",
        "Propose the calendar again in Tasklist: " + publicBaseUrl + "/camunda/app/tasklist/default/");
    String validated = mail("Ritual calendar " + YEAR + " validated: Zenith Bank");
    assertThat(validated).contains(publicBaseUrl + "/camunda/app/tasklist/default/",
        "\"My calendar\": " + publicBaseUrl + "/kap/calendar").doesNotContain("/ical/", "calendar.ics");
    for (String mail : List.of(sentBack, validated)) {
      assertThat(Pattern.compile("(?<!" + Pattern.quote(publicBaseUrl) + ")/(kap|camunda|api|ical)/").matcher(mail)
          .find()).as("a link without the public base URL in\n" + mail).isFalse();
    }
  }

  // --- helpers

  private WebappSession session(String user) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, "demo", "tasklist")).isEqualTo(200);
    return session;
  }

  /** Regenerate (or make the first address) on the page, and read the address it shows this once. */
  private static String makeAddress(WebappSession session) {
    HttpResponse<String> posted = session.postPage("/kap/calendar/regenerate", "", session.xsrfToken());
    assertThat(posted.statusCode()).as("back to the page, so that a reload makes no other address").isEqualTo(302);
    assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/kap/calendar"));
    HttpResponse<String> made = session.page("/kap/calendar");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
    Matcher address = ADDRESS.matcher(made.body());
    assertThat(address.find()).as(made.body()).isTrue();
    assertThat(ADDRESS.matcher(session.page("/kap/calendar").body()).find()).as("shown once: a reload hides it")
        .isFalse();
    return address.group(1);
  }

  private String token(String address) {
    return address.substring((publicBaseUrl + "/ical/").length(), address.length() - ".ics".length());
  }

  /** What a calendar app does with the address: a plain GET on this server, no cookie, no credentials. */
  private HttpResponse<String> fetch(String address) {
    assertThat(address).startsWith(publicBaseUrl + "/");
    URI local = URI.create("http://localhost:" + port + address.substring(publicBaseUrl.length()));
    try {
      return calendarApp.send(HttpRequest.newBuilder(local).header("Accept", "text/calendar").GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> uids(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    return calendar.<VEvent>getComponents("VEVENT").stream()
        .map(event -> event.getProperty(Property.UID).orElseThrow().getValue()).collect(Collectors.toSet());
  }

  private Set<String> uidsOf(String accountId) {
    List<Occurrence> planned = occurrences.findByPlan(YEAR, accountId);
    assertThat(planned).as(accountId + "'s rituals").isNotEmpty()
        .extracting(Occurrence::status).containsOnly(Occurrence.Status.PLANNED);
    return planned.stream().map(o -> "ritual-" + o.occurrenceNo() + "@kap.example").collect(Collectors.toSet());
  }

  private static List<String> links(WebappSession session) throws IOException {
    return new ObjectMapper().readTree(session.pageJson("/kap/links").body()).findValuesAsText("path");
  }

  /** The newest mail of this subject in the tests' outbox since this JVM planned the rituals. */
  private static String mail(String subject) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target", "test-outbox"))) {
      return files.filter(file -> modifiedSincePlanned(file)).map(CalendarSubscriptionsTest::read)
          .filter(mail -> mail.contains("\nSubject: " + subject + "\n")).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no mail \"" + subject + "\" in target/test-outbox"));
    }
  }

  private static boolean modifiedSincePlanned(Path file) {
    try {
      return Files.getLastModifiedTime(file).compareTo(FileTime.from(plannedFrom)) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The account's KAM proposes the suggested dates, each with the customer's participants named. */
  private void proposeAsSuggested(String accountId, String kam) {
    Task task = task(accountId, "proposeRitualCalendar");
    SpinJsonNode rows = (SpinJsonNode) taskService.getVariable(task.getId(), "rituals");
    List<Map<String, Object>> rituals = rows.elements().stream().map(row -> {
      Map<String, Object> ritual = new HashMap<>();
      ritual.put("ritualType", row.prop("ritualType").stringValue());
      ritual.put("date", row.prop("date").stringValue());
      ritual.put("customerParticipants", "Head of procurement");
      return ritual;
    }).toList();
    AsUser.complete(identityService, taskService, task, kam, Roles.KAM, Map.of("rituals", Spin.JSON(rituals)));
  }

  private void decide(String accountId, Map<String, Object> decision) {
    AsUser.complete(identityService, taskService, task(accountId, "validateRitualCalendar"), "diane",
        Roles.PROGRAMME_DIRECTOR, decision);
  }

  private Task task(String accountId, String key) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(YEAR + "-" + accountId)
        .taskDefinitionKey(key).singleResult();
    assertThat(task).as(key + " of " + YEAR + "-" + accountId).isNotNull();
    return task;
  }
}
