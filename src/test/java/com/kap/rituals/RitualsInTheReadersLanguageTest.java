package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.Roles;
import com.kap.platform.notifications.Mails;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.support.AsUser;
import com.kap.support.KapTest;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Mails and calendars follow their reader's language, through the whole application: camille (French, KAM of Vega
 * Motors, ACC-011) and alice (English, KAM of Zenith Bank, ACC-012) have their 2180 ritual calendars validated;
 * each gets the mail in her language in the outbox, and her calendar address serves her rituals' texts in it.
 */
@KapTest
class RitualsInTheReadersLanguageTest {

  private static final int YEAR = 2180;
  private static final Instant STARTED = Instant.now().minusSeconds(2);
  private static boolean validated;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired OccurrenceRepository occurrences;
  @Autowired CalendarSubscriptions subscriptions;
  @Autowired UserLocales locales;
  @Autowired Mails mails;
  @LocalServerPort int port;

  private void validateBothCalendars() {
    assertThat(locales.of("camille")).as("the demo's French KAM").isEqualTo(Locale.FRENCH);
    assertThat(locales.of("alice")).isEqualTo(Locale.ENGLISH);
    if (validated) {
      return;
    }
    segmentation.segment(YEAR);
    for (String[] plan : List.of(new String[] {"ACC-011", "camille"}, new String[] {"ACC-012", "alice"})) {
      runtimeService.startProcessInstanceByKey("ritualPlan", YEAR + "-" + plan[0]);
      proposeAsSuggested(plan[0], plan[1]);
      AsUser.complete(identityService, taskService, task(plan[0], "validateRitualCalendar"), "diane",
          Roles.PROGRAMME_DIRECTOR, Map.of("calendarDecision", "validate", "calendarComments", "Bon rythme."));
    }
    validated = true;
  }

  @Test
  void theValidatedCalendarsMailIsInEachKamsLanguage() {
    validateBothCalendars();
    Map<String, String> camilles = mail("camille", "Calendrier des rituels " + YEAR + " validé : Vega Motors");
    assertThat(camilles.get("body")).contains("Votre calendrier des rituels 2180 pour Vega Motors est validé.",
        "« Mon calendrier » : https://kap.test.example/kap/calendar", "Bon rythme.");
    Map<String, String> alices = mail("alice", "Ritual calendar " + YEAR + " validated: Zenith Bank");
    assertThat(alices.get("body")).contains("Your 2180 ritual calendar for Zenith Bank is validated.",
        "\"My calendar\": https://kap.test.example/kap/calendar");
  }

  @Test
  void aMailsDatesAreWrittenAsItsReadersLanguageWritesThem() {
    mails.send("camille", Rituals.advisoryBoardMail(LocalDate.of(YEAR, 6, 4), List.of("Vega Motors"), "Feuille"));
    mails.send("alice", Rituals.advisoryBoardMail(LocalDate.of(YEAR, 6, 4), List.of("Vega Motors"), "Roadmap"));
    assertThat(mail("camille", "Comité consultatif client le 04/06/2180").get("body"))
        .startsWith("Le comité consultatif client se réunit le 04/06/2180. Invités : Vega Motors.");
    assertThat(mail("alice", "Customer advisory board on 4 Jun 2180").get("body"))
        .startsWith("The customer advisory board meets on 4 Jun 2180. Invited: Vega Motors.");
  }

  @Test
  void aCalendarAddressServesItsOwnersRitualsInTheOwnersLanguage() throws Exception {
    validateBothCalendars();
    try {
      Calendar camilles = feed(subscriptions.regenerate("camille"));
      assertThat(camilles.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Rituels KAP — camille");
      List<VEvent> vega = events(camilles, "ACC-011");
      assertThat(vega).isNotEmpty();
      for (VEvent event : vega) {
        assertThat(value(event, Property.SUMMARY)).endsWith(" — Vega Motors")
            .isIn(summaries("Vega Motors", "Revue interne des nouvelles affaires", "Revue du plan avec le directeur du programme",
                "Réunion opérationnelle", "Revue d’activité avec le client", "Rencontre top-to-top des dirigeants",
                "Comité consultatif client"));
        assertThat(value(event, Property.DESCRIPTION)).contains(" — Vega Motors (ACC-011)\nOrganisateur : ",
            "\nÉtat dans KAP : planifié");
      }
      assertThat(vega).anySatisfy(event -> assertThat(value(event, Property.DESCRIPTION))
          .contains("\nCôté client : Responsable des achats\n"));

      Calendar alices = feed(subscriptions.regenerate("alice"));
      assertThat(alices.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("KAP rituals — alice");
      List<VEvent> zenith = events(alices, "ACC-012");
      assertThat(zenith).isNotEmpty();
      String[] labels = Arrays.stream(RitualType.values()).map(RitualType::label).toArray(String[]::new);
      for (VEvent event : zenith) {
        assertThat(value(event, Property.SUMMARY)).endsWith(" — Zenith Bank")
            .isIn(summaries("Zenith Bank", labels));
        assertThat(value(event, Property.DESCRIPTION)).contains(" — Zenith Bank (ACC-012)\nHost: ",
            "\nStatus in KAP: planned");
      }
    } finally {
      subscriptions.revoke("camille");
      subscriptions.revoke("alice");
    }
  }

  // --- helpers

  private static List<String> summaries(String account, String... rituals) {
    return Arrays.stream(rituals).map(ritual -> ritual + " — " + account).toList();
  }

  /** What a calendar app gets from the address of this token: plain HTTP, no login. */
  private Calendar feed(String token) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + CalendarSubscriptions.feedPath(token))).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return new CalendarBuilder().build(new StringReader(answer.body())); // fails on an invalid calendar
  }

  /** The events of the account's rituals of the year. */
  private List<VEvent> events(Calendar calendar, String accountId) {
    List<String> uids = occurrences.findByPlan(YEAR, accountId).stream()
        .map(o -> "ritual-" + o.occurrenceNo() + "@kap.example").toList();
    return calendar.<VEvent>getComponents(VEvent.VEVENT).stream()
        .filter(event -> uids.contains(value(event, Property.UID))).toList();
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).orElseThrow().getValue();
  }

  /** The newest mail of this subject (decoded as a mail client does) to the user since this class started. */
  private static Map<String, String> mail(String userId, String subject) {
    try (Stream<Path> files = Files.list(Path.of("target", "test-outbox"))) {
      return files.filter(file -> file.getFileName().toString().contains("-" + userId + "-"))
          .filter(RitualsInTheReadersLanguageTest::writtenSinceStarted).sorted()
          .map(RitualsInTheReadersLanguageTest::parse).filter(mail -> subject.equals(mail.get("subject")))
          .reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no mail \"" + subject + "\" to " + userId + " in target/test-outbox"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean writtenSinceStarted(Path file) {
    try {
      return Files.getLastModifiedTime(file).compareTo(FileTime.from(STARTED)) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static Map<String, String> parse(Path file) {
    try {
      String mail = Files.readString(file, StandardCharsets.UTF_8);
      int start = mail.indexOf("\nSubject: ") + "\nSubject: ".length();
      String header = mail.substring(start, mail.indexOf("\nMIME-Version: "));
      Map<String, String> parts = new HashMap<>();
      parts.put("subject", MimeUtility.decodeText(MimeUtility.unfold(header)));
      parts.put("body", mail.substring(mail.indexOf("\n\n") + 2));
      return parts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The KAM proposes the suggested dates, each with the customer's participants named. */
  private void proposeAsSuggested(String accountId, String kam) {
    Task task = task(accountId, "proposeRitualCalendar");
    SpinJsonNode rows = (SpinJsonNode) taskService.getVariable(task.getId(), "rituals");
    List<Map<String, Object>> rituals = rows.elements().stream().map(row -> {
      Map<String, Object> ritual = new HashMap<>();
      ritual.put("ritualType", row.prop("ritualType").stringValue());
      ritual.put("date", row.prop("date").stringValue());
      ritual.put("customerParticipants", "Responsable des achats");
      return ritual;
    }).toList();
    AsUser.complete(identityService, taskService, task, kam, Roles.KAM, Map.of("rituals", Spin.JSON(rituals)));
  }

  private Task task(String accountId, String key) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(YEAR + "-" + accountId)
        .taskDefinitionKey(key).singleResult();
    assertThat(task).as(key + " of " + YEAR + "-" + accountId).isNotNull();
    return task;
  }
}
