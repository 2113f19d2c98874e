package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.AccountPlanProcessTest;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.Api;
import com.kap.support.CycleForms;
import com.kap.support.KapTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A French user reads a refusal whole in French over /engine-rest, the fields' labels and their problems, and the
 * quality gate's reasons in the draft form; an English user reads them as before. camille is the demo's French KAM
 * (ACC-011, Vega Motors).
 */
@KapTest
class RefusalsInFrenchTest {

  private static final int YEAR = 2200;

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;

  @Test
  void aFrenchKamReadsTheRefusalAndTheQualityGatesReasonsInFrench() throws Exception {
    Api api = new Api(rest);
    // a plan as the cycle's fan-out starts it (a cycle's form takes years up to 2199)
    AccountPlanProcessTest.startPlan(runtime, segmentation, plans, YEAR, "ACC-011");
    JsonNode draft = api.awaitTask("camille", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR
        + "-ACC-011");
    String submit = "/engine-rest/task/" + draft.get("id").asText() + "/submit-form";

    String vague = CycleForms.goodPlan()
        .replace("\\\"description\\\":\\\"Lift margin\\\"", "\\\"description\\\":\\\"\\\"")
        .replace("\\\"dueDate\\\":\\\"2070-03-31\\\"", "\\\"dueDate\\\":\\\"2070-02-30\\\"");
    ResponseEntity<JsonNode> refused = api.postJson("camille", submit, CycleForms.variables(vague), JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).isEqualTo("2 problèmes à corriger : "
        + "1) Objectifs, ligne 1 : Objectif : est obligatoire ; "
        + "2) Plan d'actions, ligne 1 : Échéance : doit être une date comme 2027-03-31, pas « 2070-02-30 »");

    assertThat(api.postJson("camille", submit, CycleForms.variables(CycleForms.revenueOnlyPlan()), String.class)
        .getStatusCode().value()).isEqualTo(204);
    JsonNode again = api.awaitTask("camille", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR
        + "-ACC-011");
    JsonNode shown = api.get("camille", "/engine-rest/task/" + again.get("id").asText()
        + "/form-variables?variableNames=qualityIssues", JsonNode.class).getBody();
    assertThat(shown.path("qualityIssues").path("value").asText()).isEqualTo("- Ajoutez au moins un objectif de"
        + " rentabilité ou de valeur : le chiffre d'affaires seul ne fait pas un plan.");
    assertThat(runtime.getVariable(again.get("processInstanceId").asText(), "qualityIssues"))
        .as("the process keeps the English").isEqualTo("- Add at least one profitability or value objective: revenue"
            + " alone is not a plan.");
  }
}
