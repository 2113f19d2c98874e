package com.kap.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.budget.BudgetForms;
import com.kap.planning.AccountPlan;
import com.kap.planning.PlanContent;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.PlanSummary;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 5 of the red-team review: a link typed into a plan showed in diane's approval form as a clickable phishing
 * link. Tasklist renders text components as GitHub Markdown (bare URLs become links) after inserting variables; text
 * one user typed must reach another user's form as text.
 */
@KapTest
class ShownTextTest {

  private static final int YEAR = 2087;
  private static final String PHISHING = "[Approve here](https://evil.example/login) ![x](https://evil.example/p.png)"
      + " https://evil.example/a www.evil.example mail me@evil.example *urgent* `code`";
  /** Markdown that would still make a link, an image, an autolink or HTML: an unescaped '[', ']', '<' or '>'. */
  private static final Pattern LIVE_SYNTAX = Pattern.compile("(?<!\\\\)[\\[\\]<>*`]");
  /** What GitHub Markdown links without brackets: a scheme with ://, www. or an e-mail address, unescaped. */
  private static final Pattern BARE_LINK = Pattern.compile("(?i)https?://|(?<!\\\\)www\\.|[^\\\\]@");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountPlanRepository plans;
  @Autowired RuntimeService runtimeService;
  private final List<String> started = new ArrayList<>();

  @AfterEach
  void tearDown() {
    started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, true));
    jdbc.update("delete from kap_open_round");
  }

  @Test
  void userTextShowsAsTextInAnotherUsersForm() throws Exception {
    // the plan summary in the sponsor's and the programme director's forms (the reported case)
    String summary = PlanSummary.markdown(new PlanContent(PHISHING, "strategy", null, null, List.of(), null,
        List.of(), List.of(), List.of(), null));
    assertLiveFree("planSummary", summary.replaceAll("\\*\\*[A-Za-z]+\\*\\*", "").replaceAll("(?m)^#### .*$", ""));
    assertThat(summary).contains("Approve here", "evil.example/login");

    // a bid's title ({{title}}) and objectives (=bidSummary) in a director's scoring form, through the engine
    jdbc.update("delete from kap_open_round");
    if (plans.find(YEAR, "ACC-003").isEmpty()) {
      plans.insert(new AccountPlan(YEAR, "ACC-003", "shown", "alice", "Strategic", AccountPlan.Status.APPROVED,
          Instant.now(), Instant.now(), 1));
    }
    Api api = new Api(rest);
    JsonNode round = ok(api.postJson("diane", "/engine-rest/process-definition/key/budgetRound/submit-form",
        BudgetForms.round("Shown " + YEAR, null, YEAR), JsonNode.class));
    started.add(round.get("id").asText());
    String bidForm = BudgetForms.bid("ACC-003", 20_000).replace("Innovation lab", json(PHISHING))
        .replace("Lift gross margin to 28 %", json(PHISHING));
    JsonNode bid = ok(api.postJson("alice", "/engine-rest/process-definition/key/investmentBid/submit-form", bidForm,
        JsonNode.class));
    started.add(bid.get("id").asText());
    JsonNode timer = api.get("admin", "/engine-rest/job?maxResults=10&timers=true&processInstanceId="
        + round.get("id").asText(), JsonNode.class).getBody().get(0);
    assertThat(api.postJson("admin", "/engine-rest/job/" + timer.get("id").asText() + "/execute", "", String.class)
        .getStatusCode().value()).isEqualTo(204);
    JsonNode task = api.awaitTask("eric", "taskDefinitionKey=scoreBid&assignee=eric&processInstanceId="
        + bid.get("id").asText());
    JsonNode variables = ok(api.get("eric", "/engine-rest/task/" + task.get("id").asText() + "/form-variables",
        JsonNode.class));
    String title = variables.path("title").path("value").asText();
    assertThat(title).contains("Approve here");
    assertLiveFree("{{title}}", title);
    String bidSummary = variables.path("bidSummary").path("value").asText();
    assertThat(bidSummary).contains("Approve here");
    assertLiveFree("=bidSummary", bidSummary.replaceAll("\\*\\*[^*]+\\*\\*", ""));
    assertThat(runtimeService.getVariable(bid.get("id").asText(), "title")).as("the process keeps what she typed")
        .isEqualTo(PHISHING);
  }

  private static void assertLiveFree(String where, String markdown) {
    assertThat(LIVE_SYNTAX.matcher(markdown).find()).as(where + " has live Markdown: " + markdown).isFalse();
    assertThat(BARE_LINK.matcher(markdown).find()).as(where + " has a bare link: " + markdown).isFalse();
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static JsonNode ok(ResponseEntity<JsonNode> answer) {
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }
}
