package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioImportService;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.internal.PortfolioCsvParser;
import com.kap.support.Api;
import com.kap.support.AsUser;
import com.kap.support.CycleForms;
import com.kap.support.ProcessTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The stakeholder map of a Strategic account: refused malformed lists, the coverage rule (DMN stakeholderCoverage)
 * sending the plan back and then letting it pass, the map stored and shown through the API to the account's people
 * only, and a ritual held with the customer giving its participants their last contact.
 */
@ProcessTest
class StakeholderMapProcessTest {

  private static final int YEAR = 2101;
  private static final String ACCOUNT = "STK-2101"; // Strategic (every score 9), KAM alice, sponsor gilles

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired PortfolioImportService importService;
  @Autowired AccountPlanRepository plans;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void aStrategicPlanNeedsItsDecisionMakerAndChampionAndTheMapShowsTheLastContact() throws Exception {
    importService.importCsv(String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS)
        + "\n" + ACCOUNT + ",Stakeholder Strategic,EMEA,alice,gilles,9,9,9,9,9,9,9,9,9,9,9,9\n");
    ProcessInstance plan = AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, YEAR, ACCOUNT);
    assertThat(runtimeService.getVariable(plan.getId(), "segment")).isEqualTo("Strategic");
    Api api = new Api(rest);

    // a list that does not hold together is refused, in the form's words, and nothing is stored
    Map<String, Object> tangled = AccountPlanProcessTest.fullPlan();
    tangled.put("stakeholders", Spin.JSON("[{\"name\":\"Eva Lind\",\"buyingRole\":\"decisionMaker\","
        + "\"influence\":\"high\",\"attitude\":\"supporter\",\"owner\":\"alice\",\"reportsTo\":\"Jon Berg\"},"
        + "{\"name\":\"Jon Berg\",\"buyingRole\":\"champion\",\"influence\":\"medium\",\"attitude\":\"neutral\","
        + "\"owner\":\"bruno\",\"reportsTo\":\"Eva Lind\"},{\"name\":\"Ole Sand\",\"buyingRole\":\"gatekeeper\","
        + "\"influence\":\"low\",\"attitude\":\"opponent\",\"reportsTo\":\"The CEO\"}]"));
    assertThatThrownBy(() -> completeDraft(plan, tangled))
        .hasMessageContaining("stakeholders[1].owner: pick the KAM, the sponsor or a programme director")
        .hasMessageContaining("stakeholders[2].buyingRole: must be one of [decisionMaker, champion, influencer, user,"
            + " blocker]")
        .hasMessageContaining("stakeholders[2].reportsTo: must name another stakeholder of this list; there is no"
            + " The CEO")
        .hasMessageContaining("stakeholders[0].reportsTo: makes a circle (Eva Lind → Jon Berg → Eva Lind)");
    String draft = task(plan).getId();
    String withoutMap = CycleForms.goodPlan().replace("," + CycleForms.json("stakeholders", CycleForms.STAKEHOLDERS),
        "");
    ResponseEntity<JsonNode> refused = api.postJson("alice", "/engine-rest/task/" + draft + "/submit-form",
        CycleForms.variables(withoutMap + "," + CycleForms.json("stakeholders", "[{\"name\":\"Eva Lind\","
            + "\"buyingRole\":\"decisionMaker\",\"influence\":\"high\",\"attitude\":\"supporter\",\"owner\":\"alice\"},"
            + "{\"name\":\"Jon Berg\",\"buyingRole\":\"champion\",\"influence\":\"high\",\"attitude\":\"supporter\","
            + "\"owner\":\"gilles\",\"reportsTo\":\"Eve Lind\"}]")), JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).isEqualTo("Stakeholders, row 2: Reports to: must name"
        + " another stakeholder of this list; there is no Eve Lind (add them, or leave the field empty for someone at"
        + " the top)");
    assertThat(plans.versions(YEAR, ACCOUNT)).isEmpty();

    // no map at all: the quality gate names both roles a Strategic account needs
    Map<String, Object> noMap = AccountPlanProcessTest.fullPlan();
    noMap.put("stakeholders", Spin.JSON("[]"));
    completeDraft(plan, noMap);
    assertThat(plan).isWaitingAt("draftAccountPlan");
    assertThat((String) runtimeService.getVariable(plan.getId(), "qualityIssues"))
        .contains("- Stakeholders: a Strategic account's map needs a decision maker with a relationship owner of"
            + " ours; add one.")
        .contains("- Stakeholders: a Strategic account's map needs a champion with a relationship owner of ours;"
            + " add one.");

    // a decision maker without an owner of ours is not enough either
    Map<String, Object> ownerless = AccountPlanProcessTest.fullPlan();
    ownerless.put("stakeholders", Spin.JSON("[{\"name\":\"Eva Lind\",\"buyingRole\":\"decisionMaker\","
        + "\"influence\":\"high\",\"attitude\":\"supporter\"},{\"name\":\"Jon Berg\",\"buyingRole\":\"champion\","
        + "\"influence\":\"medium\",\"attitude\":\"supporter\",\"owner\":\"gilles\",\"reportsTo\":\"Eva Lind\"}]"));
    completeDraft(plan, ownerless);
    assertThat(plan).isWaitingAt("draftAccountPlan");
    assertThat((String) runtimeService.getVariable(plan.getId(), "qualityIssues")).isEqualTo("- Stakeholders: give"
        + " the decision maker (Eva Lind) a relationship owner: a Strategic account's map needs a decision maker with"
        + " a relationship owner of ours.");
    assertThat(api.get("alice", "/api/accounts/" + ACCOUNT + "/stakeholders", JsonNode.class).getBody()
        .get("stakeholders")).as("a plan the gate returned makes no map").isEmpty();

    Map<String, Object> covered = AccountPlanProcessTest.fullPlan();
    covered.put("stakeholders", Spin.JSON("[{\"name\":\"Eva Lind\",\"title\":\"COO\",\"buyingRole\":\"decisionMaker\","
        + "\"influence\":\"high\",\"attitude\":\"supporter\",\"owner\":\"alice\"},{\"name\":\"Jon Berg\","
        + "\"title\":\"Head of logistics\",\"buyingRole\":\"champion\",\"influence\":\"medium\","
        + "\"attitude\":\"supporter\",\"owner\":\"gilles\",\"reportsTo\":\"Eva Lind\"},{\"name\":\"Ole Sand\","
        + "\"title\":\"Procurement lead\",\"buyingRole\":\"blocker\",\"influence\":\"medium\","
        + "\"attitude\":\"opponent\",\"reportsTo\":\"jon berg\"}]"));
    completeDraft(plan, covered);
    assertThat(plan).isWaitingAt("reviewPlanAsSponsor");
    assertThat(plans.versions(YEAR, ACCOUNT)).hasSize(3).last()
        .satisfies(v -> assertThat(v.content().stakeholders()).extracting(PlanContent.Stakeholder::name)
            .containsExactly("Eva Lind", "Jon Berg", "Ole Sand"));
    assertThat((String) runtimeService.getVariable(plan.getId(), "planSummary").toString())
        .as("the reviewers read the map").contains("Eva Lind", "Decision maker", "reports to jon berg");

    // the map, to the account's KAM, sponsor, the programme director and the directors only
    JsonNode map = api.get("alice", "/api/accounts/" + ACCOUNT + "/stakeholders", JsonNode.class).getBody();
    assertThat(map.get("planYear").asInt()).isEqualTo(YEAR);
    assertThat(map.get("planVersion").asInt()).isEqualTo(3);
    assertThat(map.get("stakeholders")).hasSize(3);
    assertThat(map.get("stakeholders").get(0).get("buyingRole").asText()).isEqualTo("decisionMaker");
    assertThat(map.get("stakeholders").get(1).get("reportsTo").asText()).isEqualTo("Eva Lind");
    assertThat(map.get("stakeholders").get(2).get("owner").isNull()).isTrue();
    assertThat(map.get("stakeholders").get(0).get("lastContact").isNull()).as("no ritual yet").isTrue();
    for (String allowed : List.of("alice", "gilles", "diane", "eric")) {
      assertThat(api.get(allowed, "/api/accounts/" + ACCOUNT + "/stakeholders", JsonNode.class).getStatusCode()
          .value()).as(allowed).isEqualTo(200);
    }
    for (String refusedUser : List.of("bruno", "chen", "hana", "paula")) {
      assertThat(api.get(refusedUser, "/api/accounts/" + ACCOUNT + "/stakeholders", JsonNode.class).getStatusCode()
          .value()).as(refusedUser).isEqualTo(403);
    }
    assertThat(api.get("diane", "/api/accounts/NO-SUCH/stakeholders", JsonNode.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(api.get(null, "/api/accounts/" + ACCOUNT + "/stakeholders", JsonNode.class).getStatusCode().value())
        .isEqualTo(401);

    // approved: the ritual plan starts; a customer ritual is held with two of the stakeholders
    AsUser.complete(identityService, taskService, task(plan), "gilles", "executive-sponsor",
        Map.of("sponsorComments", "Good map", "touchpointCommitments", "Meet Eva Lind in March"));
    AsUser.complete(identityService, taskService, task(plan), "diane", "programme-director",
        Map.of("decision", "approve"));
    execute(managementService.createJobQuery().processInstanceId(plan.getId()).activityId("startRitualPlan")
        .singleResult());
    ProcessInstance rituals = runtimeService.createProcessInstanceQuery().processDefinitionKey("ritualPlan")
        .processInstanceBusinessKey(YEAR + "-" + ACCOUNT).singleResult();
    assertThat(rituals).isWaitingAt("proposeRitualCalendar");
    Map<String, Object> proposal = new HashMap<>();
    proposal.put("rituals", Spin.JSON(List.of(Map.of("ritualType", "operationsMeeting", "date", YEAR + "-03-15",
        "customerParticipants", "Eva Lind, Jon Berg"))));
    proposal.put("justification", "A first meeting with the new map; the rest follows");
    AsUser.complete(identityService, taskService, task(rituals), "alice", "kam", proposal);
    AsUser.complete(identityService, taskService, task(rituals), "diane", "programme-director",
        Map.of("calendarDecision", "validate"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse(YEAR + "-03-15T12:00:00Z")));
    Job day = managementService.createJobQuery().processInstanceId(rituals.getId()).timers().activityId("nextRitualDay")
        .singleResult();
    managementService.executeJob(day.getId());
    Task hold = taskService.createTaskQuery().processInstanceId(rituals.getId()).taskDefinitionKey("holdRitual")
        .singleResult();
    SpinJsonNode options = (SpinJsonNode) taskService.getVariableLocal(hold.getId(), "stakeholderOptions");
    assertThat(options.elements()).extracting(o -> o.prop("label").stringValue())
        .containsExactly("Eva Lind, COO", "Jon Berg, Head of logistics", "Ole Sand, Procurement lead");
    assertThat(options.elements()).extracting(o -> o.prop("value").stringValue())
        .containsExactly("Eva Lind", "Jon Berg", "Ole Sand");

    Map<String, Object> held = new HashMap<>(Map.of("held", "yes", "heldDate", YEAR + "-03-15",
        "attendees", "alice, Eva Lind, Jon Berg", "minutes", "Forecast reviewed", "customerSatisfaction", 4,
        "actions", Spin.JSON("[]"), "stakeholdersPresent", Spin.JSON("[\"Eva Lind\",\"Mallory\"]")));
    assertThatThrownBy(() -> AsUser.complete(identityService, taskService, hold, "alice", "kam", held))
        .hasMessageContaining("stakeholdersPresent: pick them from the account's stakeholders (Mallory is not on"
            + " its stakeholder map)");
    held.put("stakeholdersPresent", Spin.JSON("[\"Eva Lind\",\"jon berg\"]"));
    AsUser.complete(identityService, taskService, hold, "alice", "kam", held);
    assertThat(runtimeService.getVariables(rituals.getId())).as("who took part stays with the ritual's record")
        .doesNotContainKey("stakeholdersPresent");

    JsonNode contacts = api.get("gilles", "/api/accounts/" + ACCOUNT + "/stakeholders", JsonNode.class).getBody()
        .get("stakeholders");
    assertThat(contacts.get(0).get("lastContact").asText()).isEqualTo(YEAR + "-03-15");
    assertThat(contacts.get(1).get("lastContact").asText()).as("named in another case").isEqualTo(YEAR + "-03-15");
    assertThat(contacts.get(2).get("lastContact").isNull()).as("Ole Sand was not there").isTrue();

    // the account's page draws the map and lists the last contacts, for the same people as the API
    WebappSession alice = new WebappSession(port);
    assertThat(alice.login("alice", "demo", "tasklist")).isEqualTo(200);
    HttpResponse<String> page = alice.page("/kap/accounts/" + ACCOUNT);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kap-org-chart\"",
        "Org chart of the account's 3 stakeholders", ">Decision maker · influence high<", ">owner alice<",
        "<th scope=\"row\">Ole Sand</th>", "From the " + YEAR + " plan, version 3.");
    assertThat(page.body().split("<svg", -1)[1]).contains("last contact ");
    assertThat(page.body().substring(page.body().indexOf("id=\"stakeholder-map\"")))
        .contains("<td>" + YEAR + "-03-15</td>", "<td>no contact yet</td>");
    WebappSession bruno = new WebappSession(port);
    assertThat(bruno.login("bruno", "demo", "tasklist")).isEqualTo(200);
    HttpResponse<String> refusedPage = bruno.page("/kap/accounts/" + ACCOUNT);
    assertThat(refusedPage.statusCode()).isEqualTo(403);
    assertThat(refusedPage.body()).doesNotContain("Eva Lind");
  }

  private void completeDraft(ProcessInstance plan, Map<String, Object> variables) {
    AsUser.complete(identityService, taskService, task(plan), "alice", "kam", variables);
  }
}
