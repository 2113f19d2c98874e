package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.support.Api;
import com.kap.support.AsUser;
import com.kap.support.KapTest;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The iCalendar feed, an account's rituals and a mid-year re-segmentation, over HTTP as the demo users. */
@KapTest
class RitualsOverRestTest {

  private static final int YEAR = 2082;

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired OccurrenceRepository occurrences;

  @Test
  void aKamSubscribesToTheirCalendarAndSeesMovedAndCancelledRituals() throws Exception {
    segmentation.segment(YEAR);
    runtimeService.startProcessInstanceByKey("ritualPlan", YEAR + "-ACC-012"); // KAM alice
    validateAsProposed();
    List<Occurrence> planned = occurrences.findByPlan(YEAR, "ACC-012");
    assertThat(planned).isNotEmpty().extracting(Occurrence::status).containsOnly(Occurrence.Status.PLANNED);
    Api api = new Api(rest);

    ResponseEntity<String> feed = api.get("alice", "/api/rituals/calendar.ics?kam=alice", String.class);
    assertThat(feed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(feed.getHeaders().getContentType().toString()).startsWith("text/calendar");
    Map<String, VEvent> events = events(feed.getBody());
    for (Occurrence occurrence : planned) {
      VEvent event = events.get("ritual-" + occurrence.occurrenceNo() + "@kap.example");
      assertThat(event).as(occurrence.id()).isNotNull();
      assertThat(value(event, Property.SUMMARY)).isEqualTo(occurrence.type().label() + " — Zenith Bank");
      assertThat(value(event, Property.DTSTART)).isEqualTo(occurrence.plannedDate().toString().replace("-", ""));
      assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
    }
    assertThat(api.get("bruno", "/api/rituals/calendar.ics?kam=alice", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("diane", "/api/rituals/calendar.ics?kam=alice", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(api.get(null, "/api/rituals/calendar.ics?kam=alice", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.get("alice", "/api/accounts/ACC-012/rituals/" + YEAR, JsonNode.class).getBody()
        .get("occurrences")).hasSize(planned.size());
    assertThat(api.get("bruno", "/api/accounts/ACC-012/rituals/" + YEAR, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // the programme director re-segments the account mid-year: its open rituals are cancelled and re-planned
    String path = "/api/accounts/ACC-012/segments/" + YEAR;
    assertThat(put("alice", path, "{\"segment\":\"Streamline\",\"reason\":\"x\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // the body is checked after the role and the account: a refusal teaches nothing to whoever may not change
    assertThat(put("alice", path, "{\"segment\":\"Gold\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("diane", "/api/accounts/NO-SUCH/segments/" + YEAR, "{\"segment\":\"Gold\"}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode neither = put("diane", path, "{\"segment\":\"Gold\",\"reason\":\" \"}").getBody();
    assertThat(neither.get("field").asText()).as("the first refused field").isEqualTo("segment");
    JsonNode tooLong = put("diane", path, "{\"segment\":\"Streamline\",\"reason\":\"" + "x".repeat(2001) + "\"}")
        .getBody();
    assertThat(tooLong.get("detail").asText()).isEqualTo("Reason: is required (at most 2000 characters)");
    ResponseEntity<JsonNode> noReason = put("diane", path, "{\"segment\":\"Streamline\"}");
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("detail").asText()).isEqualTo("Reason: is required (at most 2000 characters)");
    assertThat(noReason.getBody().get("field").asText()).isEqualTo("reason");
    JsonNode gold = put("diane", path, "{\"segment\":\"Gold\",\"reason\":\"x\"}").getBody();
    assertThat(gold.get("detail").asText()).startsWith("Segment: must be one of");
    assertThat(gold.get("field").asText()).isEqualTo("segment");
    ResponseEntity<JsonNode> changed = put("diane", path,
        "{\"segment\":\"Streamline\",\"reason\":\"Volumes collapsed after the merger\"}");
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changed.getBody().get("override").get("segment").asText()).isEqualTo("Streamline");
    Task proposal = taskService.createTaskQuery().processInstanceBusinessKey(YEAR + "-ACC-012")
        .taskDefinitionKey("proposeRitualCalendar").singleResult();
    assertThat(proposal).as("a new calendar to propose").isNotNull();

    Map<String, VEvent> after = events(api.get("alice", "/api/rituals/calendar.ics?kam=alice", String.class)
        .getBody());
    for (Occurrence occurrence : planned) {
      VEvent event = after.get("ritual-" + occurrence.occurrenceNo() + "@kap.example");
      assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
      assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
    }
  }

  private void validateAsProposed() {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(YEAR + "-ACC-012")
        .taskDefinitionKey("proposeRitualCalendar").singleResult();
    SpinJsonNode rows = (SpinJsonNode) taskService.getVariable(task.getId(), "rituals");
    List<Map<String, Object>> rituals = rows.elements().stream().map(row -> {
      Map<String, Object> ritual = new HashMap<>();
      ritual.put("ritualType", row.prop("ritualType").stringValue());
      ritual.put("date", row.prop("date").stringValue());
      ritual.put("customerParticipants", "Head of procurement");
      return ritual;
    }).toList();
    complete(task, "alice", "kam", Map.of("rituals", Spin.JSON(rituals)));
    complete(taskService.createTaskQuery().processInstanceBusinessKey(YEAR + "-ACC-012")
        .taskDefinitionKey("validateRitualCalendar").singleResult(), "diane", "programme-director",
        Map.of("calendarDecision", "validate"));
  }

  private void complete(Task task, String user, String group, Map<String, Object> variables) {
    AsUser.complete(identityService, taskService, task, user, group, variables);
  }

  private ResponseEntity<JsonNode> put(String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers),
        JsonNode.class);
  }

  private static Map<String, VEvent> events(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    return calendar.<VEvent>getComponents("VEVENT").stream()
        .collect(Collectors.toMap(e -> value(e, Property.UID), e -> e));
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).orElseThrow().getValue();
  }
}
