package com.kap.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.budget.BudgetForms;
import com.kap.planning.AccountPlan;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.support.Api;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The README's authorization matrix, cell by cell, through the three ways in: Tasklist's API ({@code /camunda/api},
 * a logged-in session with its XSRF token), Camunda's REST API ({@code /engine-rest}) and KAP's ({@code /api}). Each
 * row lists the expected answer per person: a status code, or "none" for a 200 whose list holds nothing of the
 * others'. Forbidden writes must also change nothing. Every wrong cell is reported, not only the first.
 */
@KapTest
class AuthorizationMatrixTest {

  private static final int YEAR = 2096;
  /** One person per role, in the README's column order; null is an anonymous caller. */
  private static final List<String> PEOPLE = Arrays.asList(null, "alice", "diane", "eric", "gilles", "hana", "paula",
      "admin");
  private static final List<String> STARTABLE_BY_HAND = List.of("annualPlanningCycle", "budgetRound",
      "customerAdvisoryBoard", "investmentBid", "recordTraining");
  private static final List<String> STARTED_BY_KAP = List.of("accountPlan", "ritualPlan", "annualCycleSchedule",
      "bidResults");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountPlanRepository plans;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  private Api api;
  private final Map<String, List<String>> wrongCells = new LinkedHashMap<>();

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    jdbc.update("delete from kap_open_round");
    for (String accountId : List.of("ACC-003", "ACC-001")) {
      if (plans.find(YEAR, accountId).isEmpty()) {
        String kam = jdbc.queryForObject("select kam from kap_account where account_id = ?", String.class, accountId);
        plans.insert(new AccountPlan(YEAR, accountId, "matrix", kam, "Strategic", AccountPlan.Status.APPROVED,
            Instant.now(), Instant.now(), 1));
      }
    }
  }

  @AfterEach
  void release() {
    jdbc.update("delete from kap_open_round");
  }

  @Test
  void everyCellOfTheMatrixHolds() throws Exception {
    JsonNode round = ok(api.postJson("diane", "/engine-rest/process-definition/key/budgetRound/submit-form",
        BudgetForms.round("Matrix " + YEAR, null, YEAR), JsonNode.class));
    String aliceBid = ok(api.postJson("alice", "/engine-rest/process-definition/key/investmentBid/submit-form",
        BudgetForms.bid("ACC-003", 20_000), JsonNode.class)).get("businessKey").asText();
    JsonNode brunoBidInstance = ok(api.postJson("bruno",
        "/engine-rest/process-definition/key/investmentBid/submit-form", BudgetForms.bid("ACC-001", 20_000), JsonNode.class));
    String brunoBid = brunoBidInstance.get("businessKey").asText();
    String aliceTask = api.awaitTask("alice", "taskDefinitionKey=reviseBid&processInstanceBusinessKey=" + aliceBid)
        .get("id").asText();

    tasks(aliceTask, aliceBid);
    starts();
    portfolioAndPlans();
    bidsWhileTheCallIsOpen(brunoBid, brunoBidInstance.get("id").asText());

    closeCall(round.get("id").asText());
    blindScoring(round.get("businessKey").asText(), aliceBid);
    row("read another KAM's bid after the call closed (/api)", "401 403 200 200 403 403 403 200",
        user -> status(api.get(user, "/api/budget/bids/" + brunoBid, String.class)));
    deployments();
    row("migrate running instances (/api/migrations, a dry run)", "401 403 403 403 403 403 200 200",
        user -> status(api.postJson(user, "/api/migrations", "{\"processKey\": \"investmentBid\"}", String.class)));
    webapps();

    assertThat(wrongCells).as("cells that differ from the matrix (expected → actual per person)").isEmpty();
  }

  private void tasks(String aliceTask, String aliceBid) {
    row("log into Tasklist", "401 200 200 200 200 200 200 200",
        user -> new WebappSession(port).login(user == null ? "nobody" : user, "demo", "tasklist"));
    row("list tasks in Tasklist: alice's task among them", "401 yes no no no no no yes", user -> {
      WebappSession session = loggedIn(user, "tasklist");
      // alice's bid only: tasks other test classes left in the shared engine must not push hers off the page
      var answer = session.get(
          "/api/engine/engine/default/task?maxResults=100&processInstanceBusinessKey=" + aliceBid);
      return answer.statusCode() != 200 ? String.valueOf(answer.statusCode())
          : answer.body().contains(aliceTask) ? "yes" : "no";
    });
    row("read a KAM's task and its variables (/engine-rest)", "401 200 403 403 403 403 403 200",
        user -> status(api.get(user, "/engine-rest/task/" + aliceTask + "/form-variables", String.class)));
    row("complete another user's task (/engine-rest)", "401 own 403 403 403 403 403 -", user -> {
      if ("alice".equals(user) || "admin".equals(user)) {
        return "alice".equals(user) ? "own" : "-";
      }
      return status(api.postJson(user, "/engine-rest/task/" + aliceTask + "/submit-form",
          "{\"variables\":{\"action\":{\"value\":\"withdraw\"}}}", String.class));
    });
    row("complete another user's task (Tasklist API)", "401 own 403 403 403 403 403 -", user -> {
      if ("alice".equals(user) || "admin".equals(user)) {
        return "alice".equals(user) ? "own" : "-";
      }
      return String.valueOf(loggedIn(user, "tasklist").postJson("/api/engine/engine/default/task/" + aliceTask
          + "/submit-form", "{\"variables\":{\"action\":{\"value\":\"withdraw\"}}}").statusCode());
    });
    WebappSession alice = loggedIn("alice", "tasklist");
    wrongIfNot("a request without the XSRF token (CSRF) is refused", 403, alice.postJsonWithoutXsrfToken(
        "/api/engine/engine/default/task/" + aliceTask + "/submit-form", "{\"variables\":{}}").statusCode());
    wrongIfNot("alice's task is still open after the refused completions", 1,
        (int) taskService.createTaskQuery().taskId(aliceTask).count());
  }

  private void starts() {
    for (String key : STARTABLE_BY_HAND) {
      String expected = switch (key) {
        case "investmentBid" -> "401 yes no no no no no yes";
        case "recordTraining" -> "401 no yes no no yes no yes";
        default -> "401 no yes no no no no yes";
      };
      row("may start " + key + " (Tasklist's start list)", expected, user -> startable(user, key));
    }
    for (String key : STARTED_BY_KAP) {
      row("may start " + key + " (started by KAP only)", "401 no no no no no no yes", user -> startable(user, key));
    }
    long instances = runtimeService.createProcessInstanceQuery().count();
    for (String key : List.of("annualPlanningCycle", "budgetRound", "customerAdvisoryBoard", "accountPlan")) {
      row("start " + key + " by hand (/engine-rest)", "401 403 - 403 403 403 403 -", user -> {
        if ("diane".equals(user) || "admin".equals(user)) {
          return "-";
        }
        return status(api.postJson(user, "/engine-rest/process-definition/key/" + key + "/submit-form",
            "{\"variables\":{}}", String.class));
      });
    }
    row("start recordTraining by hand (/engine-rest)", "401 403 - 403 403 - 403 -", user -> {
      if ("diane".equals(user) || "hana".equals(user) || "admin".equals(user)) {
        return "-";
      }
      return status(api.postJson(user, "/engine-rest/process-definition/key/recordTraining/submit-form",
          "{\"variables\":{}}", String.class));
    });
    row("start investmentBid by hand (/engine-rest)", "401 - 403 403 403 403 403 -", user -> {
      if ("alice".equals(user) || "admin".equals(user)) {
        return "-";
      }
      return status(api.postJson(user, "/engine-rest/process-definition/key/investmentBid/submit-form",
          BudgetForms.bid("ACC-003", 20_000), String.class));
    });
    wrongIfNot("refused starts started nothing", instances, runtimeService.createProcessInstanceQuery().count());
  }

  private void portfolioAndPlans() {
    row("read another KAM's account (/api)", "401 403 200 200 200 403 403 200",
        user -> status(api.get(user, "/api/accounts/ACC-001", String.class)));
    row("read the accounts: how many", "401 8 24 24 9 403 403 24", user -> {
      ResponseEntity<JsonNode> answer = api.get(user, "/api/accounts", JsonNode.class);
      if (answer.getStatusCode().value() != 200) {
        return status(answer);
      }
      // the demo portfolio's (ACC-001 to ACC-024), not those other test classes imported into the shared database
      return String.valueOf(StreamSupport.stream(answer.getBody().spliterator(), false)
          .filter(account -> account.get("accountId").asText().matches("ACC-0\\d\\d")).count());
    });
    row("read another KAM's account plan (/api)", "401 403 200 200 200 403 403 200",
        user -> status(api.get(user, "/api/accounts/ACC-001/plans/" + YEAR, String.class)));
    row("import the portfolio (/api)", "401 403 - 403 403 403 403 403", user -> "diane".equals(user) ? "-"
        : status(api.postCsv(user, "accountId,name\n", String.class)));
    row("change an account's segment (/api)", "401 403 - 403 403 403 403 403", user -> "diane".equals(user) ? "-"
        : status(api.putJson(user, "/api/accounts/ACC-001/segments/" + YEAR,
            "{\"segment\":\"Star\",\"reason\":\"matrix\"}", String.class)));
    // no cycle runs in that year: 404 for those who may read dashboards
    row("read the programme dashboard (/api)", "401 403 404 404 403 403 403 404",
        user -> status(api.get(user, "/api/programme/" + YEAR + "/dashboard", String.class)));
    row("read the training delivered in a year (/api)", "401 403 200 200 403 200 403 200",
        user -> status(api.get(user, "/api/programme/" + YEAR + "/training", String.class)));
  }

  private void bidsWhileTheCallIsOpen(String brunoBid, String brunoInstance) {
    row("close the call early by sending bids the callClosed message (/engine-rest)",
        "401 403 403 403 403 403 403 -", user -> "admin".equals(user) ? "-" : status(api.postJson(user,
            "/engine-rest/message", "{\"messageName\":\"callClosed\",\"processInstanceId\":\"" + brunoInstance
                + "\"}", String.class)));
    wrongIfNot("bruno's bid still waits for the call to close", 1, taskService.createTaskQuery()
        .processInstanceId(brunoInstance).taskDefinitionKey("reviseBid").count());
    row("read another KAM's bid before the call closed (/api)", "401 403 403 403 403 403 403 403",
        user -> status(api.get(user, "/api/budget/bids/" + brunoBid, String.class)));
    row("read another KAM's bid's variables (/engine-rest)", "401 none none none none none none some",
        user -> someOrNone(api.get(user, "/engine-rest/variable-instance?maxResults=100&processInstanceIdIn=" + brunoInstance,
            JsonNode.class)));
    row("read another KAM's bid's history (/engine-rest)", "401 none none none none none none some",
        user -> someOrNone(api.get(user, "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + brunoInstance,
            JsonNode.class)));
    row("bids of the open round in the round's detail (/api)", "401 403 none none 403 403 403 none", user -> {
      ResponseEntity<JsonNode> round = api.get(user, "/api/budget/rounds", JsonNode.class);
      if (round.getStatusCode().value() != 200) {
        return status(round);
      }
      String roundId = round.getBody().get(round.getBody().size() - 1).get("id").asText();
      JsonNode detail = api.get(user, "/api/budget/rounds/" + roundId, JsonNode.class).getBody();
      return detail.hasNonNull("bids") ? "some" : "none";
    });
  }

  private void blindScoring(String roundId, String aliceBid) throws InterruptedException {
    JsonNode ericTask = api.awaitTask("eric", "taskDefinitionKey=scoreBid&assignee=eric&processInstanceBusinessKey="
        + aliceBid);
    api.awaitTask("fatima", "taskDefinitionKey=scoreBid&assignee=fatima&processInstanceBusinessKey=" + aliceBid);
    wrongIfNot("fatima cannot read eric's scoring task", 403, api.get("fatima", "/engine-rest/task/"
        + ericTask.get("id").asText() + "/form-variables", String.class).getStatusCode().value());
    wrongIfNot("eric scores", 204, api.postJson("eric", "/engine-rest/task/" + ericTask.get("id").asText()
        + "/submit-form", BudgetForms.scores(4), String.class).getStatusCode().value());
    row("see eric's scores before every member scored (/api bid)", "401 none none some none none none none", user -> {
      ResponseEntity<JsonNode> bid = api.get(user, "/api/budget/bids/" + aliceBid, JsonNode.class);
      if (bid.getStatusCode().value() == 401) {
        return "401";
      }
      if (bid.getStatusCode().value() != 200) {
        return "none";
      }
      return bid.getBody().path("scorecards").size() > 0 ? "some" : "none";
    });
    row("see eric's scores before every member scored (/api audit)", "401 403 none some 403 403 403 none", user -> {
      ResponseEntity<JsonNode> trail = api.get(user, "/api/budget/rounds/" + roundId + "/audit", JsonNode.class);
      return trail.getStatusCode().value() != 200 ? status(trail)
          : trail.getBody().findValuesAsText("action").contains("SCORE") ? "some" : "none";
    });
    row("read delivered ÷ promised of funded bids (/api/budget/results)", "401 403 200 200 403 403 403 200",
        user -> status(api.get(user, "/api/budget/results?year=" + YEAR, JsonNode.class)));
    row("see eric's scores through /engine-rest history", "401 none none none none none none some",
        user -> someOrNone(api.get(user, "/engine-rest/history/variable-instance?maxResults=100&variableName=scoreStrategicFit"
            + "&processInstanceId=" + ericTask.get("processInstanceId").asText(), JsonNode.class)));
    JsonNode fatimaTask = api.awaitTask("fatima", "taskDefinitionKey=scoreBid&assignee=fatima"
        + "&processInstanceBusinessKey=" + aliceBid);
    ResponseEntity<JsonNode> adminScores = api.postJson("admin", "/engine-rest/task/" + fatimaTask.get("id").asText()
        + "/submit-form", BudgetForms.scores(4), JsonNode.class);
    wrongIfNot("Camunda lets the administrator complete fatima's task, but KAP refuses scores from a non-member", 400,
        adminScores.getStatusCode().value());
    if (!adminScores.getBody().path("message").asText().contains("admin is not a scoring member")) {
      wrongCells.put("the refusal names the reason", List.of(adminScores.getBody().toString()));
    }
    for (String member : List.of("fatima")) {
      wrongIfNot(member + " cannot see eric's scores in the bid", 0, api.get(member, "/api/budget/bids/" + aliceBid,
          JsonNode.class).getBody().path("scorecards").size());
      wrongIfNot(member + " cannot read eric's scores as variables", 0, api.get(member,
          "/engine-rest/variable-instance?maxResults=100&variableName=scoreStrategicFit", JsonNode.class).getBody().size());
    }
  }

  private void deployments() {
    long deployments = repositoryService.createDeploymentQuery().count();
    List<String> created = new ArrayList<>();
    row("deploy a diagram (/engine-rest, as Camunda Modeler does)", "401 403 403 403 403 403 200 200", user -> {
      ResponseEntity<JsonNode> answer = deploy(user);
      if (answer.getStatusCode().value() == 200) {
        created.add(answer.getBody().get("id").asText());
      }
      return status(answer);
    });
    wrongIfNot("refused deployments deployed nothing", deployments + created.size(),
        repositoryService.createDeploymentQuery().count());
    created.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  private void webapps() {
    row("use Cockpit", "401 403 403 403 403 403 200 200",
        user -> new WebappSession(port).login(user == null ? "nobody" : user, "demo", "cockpit"));
    row("use Admin", "401 403 403 403 403 403 403 200",
        user -> new WebappSession(port).login(user == null ? "nobody" : user, "demo", "admin"));
    row("Cockpit's API (process statistics)", "401 403 403 403 403 403 200 200", user -> {
      WebappSession session = loggedIn(user, "tasklist");
      return String.valueOf(session.get("/api/cockpit/plugin/base/default/process-definition/statistics?firstResult=0&maxResults=50")
          .statusCode());
    });
  }

  // --- the matrix's bookkeeping

  private void row(String action, String expected, Function<String, Object> cell) {
    List<String> expectedCells = List.of(expected.split(" "));
    List<String> actual = new ArrayList<>();
    for (String user : PEOPLE) {
      actual.add(String.valueOf(cell.apply(user)));
    }
    if (!actual.equals(expectedCells)) {
      wrongCells.put(action, List.of(String.join(" ", expectedCells) + " → " + String.join(" ", actual)));
    }
  }

  private void wrongIfNot(String what, long expected, long actual) {
    if (expected != actual) {
      wrongCells.put(what, List.of(expected + " → " + actual));
    }
  }

  private WebappSession loggedIn(String user, String app) {
    WebappSession session = new WebappSession(port);
    if (user != null) {
      session.login(user, "demo", app);
    }
    return session;
  }

  private String startable(String user, String key) {
    ResponseEntity<JsonNode> answer = api.get(user, "/engine-rest/process-definition?maxResults=10&latestVersion=true"
        + "&startablePermissionCheck=true&key=" + key, JsonNode.class);
    return answer.getStatusCode().value() != 200 ? status(answer) : answer.getBody().size() > 0 ? "yes" : "no";
  }

  private static String someOrNone(ResponseEntity<JsonNode> answer) {
    return answer.getStatusCode().value() != 200 ? status(answer) : answer.getBody().size() > 0 ? "some" : "none";
  }

  private static String status(ResponseEntity<?> answer) {
    return String.valueOf(answer.getStatusCode().value());
  }

  private static <T> T ok(ResponseEntity<T> answer) {
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  /** The administrator fires the call deadline's timer early; the job executor carries on to the scoring tasks. */
  private void closeCall(String roundInstance) {
    JsonNode timer = api.get("admin", "/engine-rest/job?maxResults=10&timers=true&processInstanceId=" + roundInstance,
        JsonNode.class).getBody().get(0);
    assertThat(api.postJson("admin", "/engine-rest/job/" + timer.get("id").asText() + "/execute", "", String.class)
        .getStatusCode().value()).isEqualTo(204);
  }

  private ResponseEntity<JsonNode> deploy(String user) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://kap.example/matrix">
          <process id="matrixProbe" name="Matrix probe" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="started"/>
          </process>
        </definitions>
        """;
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "matrix-probe");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("data", new ByteArrayResource(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "matrixProbe.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
        JsonNode.class);
  }
}
