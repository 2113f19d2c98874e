package com.kap.budget;

import static com.kap.budget.BudgetFixture.bid;
import static com.kap.budget.BudgetFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.platform.i18n.UserLocales;
import com.kap.support.ProcessTest;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the budget's server writes into its forms is in the language of the form's reader: the chair's "Close the
 * call early" (the deadline) and "Decide allocation" (the summary with its warning, why the optimiser leaves a bid
 * out, the reserve left), the KAM's "Revise or withdraw bid" (the deadline) and "Consider appeal" (the outcome with
 * the bid's reason, the appeal deadline), each scorer's "Score bid" (the bid's summary) and the reviewer's "Review
 * appeal" (the outcome with the grounds and the reserve left); the API says the recommendation (its warning, why it
 * leaves bids out) in the request's language. One round per test, French readers and English ones.
 */
@ProcessTest
class BudgetInTheReadersLanguageTest extends BudgetProcessTestBase {

  // years of its own (docs/testing.md), YEAR and YEAR + 1; a round's year is at most 2200
  private static final int YEAR = 2192;

  private static final String FRENCH_DEADLINE = "\\d\\d/\\d\\d/\\d{4} \\(fin de journée, UTC\\)";
  private static final String ENGLISH_DEADLINE = "\\d{1,2} [A-Z][a-z]{2,3} \\d{4} \\(end of day, UTC\\)";

  @Autowired UserLocales locales;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void everyoneInEnglishAgain() {
    for (String user : new String[] {"alice", "fatima", "ines"}) {
      locales.set(user, null);
    }
  }

  @Test
  void theChairTheKamAndTheReviewerReadTheirFormsInTheirLanguage() {
    locales.set("alice", Locale.FRENCH);
    locales.set("fatima", Locale.FRENCH);
    fixture.approvePlans(YEAR, "ACC-003", "ACC-006");
    ProcessInstance round = fixture.startRound(round("EMEA " + YEAR, "EMEA", YEAR, 100_000));
    // both must be funded, and cannot be together: the chair is warned
    ProcessInstance lab = fixture.submitBid("alice", mustFund(bid("ACC-003", "Co-innovation lab", "growth", 60_000)));
    ProcessInstance crm = fixture.submitBid("alice", mustFund(bid("ACC-006", "Joint CRM", "retention", 45_000)));
    assertThat((String) runtimeService.getVariable(round.getId(), "callDeadline")).as("fatima closes the call")
        .matches(FRENCH_DEADLINE);
    assertThat((String) runtimeService.getVariable(crm.getId(), "callDeadline")).as("alice revises her bid")
        .matches(FRENCH_DEADLINE);
    fixture.closeCall(round);
    assertThat((String) scoreTaskVariable(crm, "fatima", "bidSummary")).as("fatima, a scorer, reads French")
        .startsWith("**Compte** ").contains("· KAM alice", "**Catégorie** Fidélisation · **Coût** 45\u202f000 · "
            + "**Marge attendue sur 3 ans** ", "**Objectifs servis :** ",
            "**À financer obligatoirement :** Committed to the customer")
        .doesNotContain("**Account**", "**Cost**", "Must fund");
    assertThat((String) scoreTaskVariable(crm, "eric", "bidSummary")).as("eric, the other, reads English")
        .startsWith("**Account** ").contains("**Category** retention · **Cost** 45,000 · **Expected 3-year margin** ",
            "**Must fund:** Committed to the customer");
    fixture.scoreByCommittee(lab, 5);
    fixture.score(crm, "eric", 1, 1, 1, 1, 1, 1);
    fixture.score(crm, "fatima", 5, 1, 1, 1, 1, 1);
    fixture.complete(crm, "fatima", "director", Map.of("calibratedStrategicFit", 4,
        "calibrationReason", "Fits the retention objective"));
    fixture.runDueJobs();

    assertThat(round).isWaitingAt("decideAllocation");
    assertThat(task(round)).isAssignedTo("fatima");
    assertThat(taskVariable(round, "reserveText")).as("fatima, the chair, reads French")
        .isEqualTo("10\u202f000 mis de côté");
    assertThat((String) taskVariable(round, "allocationSummary")).startsWith("**Enveloppe** 100\u202f000 · "
        + "**réserve** 10\u202f000 (10 %) · **disponible pour l’optimiseur** 90\u202f000\n\n"
        + "**Recommandé :** 1 demande, coût 60\u202f000, bénéfice ")
        .contains("**Cette proposition est optimale, c’est prouvé :**", "**Sensibilité :** avec 10 % de budget",
            "**Attention :** Les demandes à financer obligatoirement ne peuvent pas toutes être financées (infaisable :"
                + " les demandes à financer obligatoirement coûtent 105000 > 90000 disponibles (budget 100000 − "
                + "réserve 10000)). Cette proposition ignore le financement obligatoire")
        .doesNotContain("Envelope", "Recommended", "Warning", "must-fund");
    assertThat(taskVariable(round, "allocationTable").toString()).as("why the optimiser leaves the CRM out")
        .contains("\"recommendation\":\"financer\"",
            "\"reason\":\"budget dépassé : il lui manque 15\u202f000 au-delà des 30\u202f000 restants\"")
        .doesNotContain("over budget", "\"fund\"");
    // the API says the recommendation in the request's language, whoever asks
    String roundId = (String) runtimeService.getVariable(round.getId(), "roundId");
    JsonNode french = roundOverApi(roundId, "fr-FR").get("recommendation");
    assertThat(french.get("warning").asText()).startsWith("Les demandes à financer obligatoirement ne peuvent pas "
        + "toutes être financées (infaisable : les demandes à financer obligatoirement coûtent 105000 > 90000");
    assertThat(french.get("result").get("unfunded").toString()).isEqualTo("[{\"id\":\"" + fixture.bidId(crm)
        + "\",\"reason\":\"over budget\",\"detail\":\"il lui manque 15\u202f000 au-delà des 30\u202f000 "
        + "restants\"}]");
    assertThat(french.has("warningText")).isFalse();
    JsonNode english = roundOverApi(roundId, "en").get("recommendation");
    assertThat(english.get("warning").asText()).startsWith("The must-fund bids cannot all be funded (infeasible: "
        + "must-fund bids cost 105000 > 90000 available (budget 100000 − reserve 10000)). This proposal ignores");
    assertThat(english.get("result").get("unfunded").get(0).get("detail").asText())
        .isEqualTo("needs 15,000 more than the 30,000 left");
    fixture.complete(round, "fatima", "director", Map.of("decision", "accept", "decisionNote", "Growth first"));
    fixture.runDueJobs();

    assertThat(crm).isWaitingAt("considerAppeal");
    String outcome = (String) runtimeService.getVariable(crm.getId(), "outcomeText");
    assertThat(outcome).as("alice, the KAM, reads French").startsWith("**Décision :** non financée — budget "
        + "dépassé : il lui manque 15\u202f000 au-delà des 30\u202f000 restants\n\n")
        .contains("**La note du comité :** Growth first", "**Bénéfice** 35,00 sur 100 · **coût** 45\u202f000",
            "**Grilles d’évaluation :**", "- eric : Adéquation stratégique 1, Valeur ajustée du risque 1",
            "Adéquation stratégique : note arrêtée à 4,0 — Fits the retention objective")
        .doesNotContain("Decision", "Strategic fit", "calibrated", "over budget");
    assertThat((String) runtimeService.getVariable(crm.getId(), "appealDeadline"))
        .matches("\\d\\d/\\d\\d/\\d{4} \\(fin de journée, UTC\\)");

    fixture.complete(crm, "alice", "kam", Map.of("appeal", "yes", "appealGrounds", "Retention risk understated"));
    assertThat(crm).isWaitingAt("reviewAppeal");
    assertThat(task(crm)).isAssignedTo("ines");
    String appeal = (String) runtimeService.getVariable(crm.getId(), "appealText");
    assertThat(appeal).as("ines, the reviewer, reads English").startsWith("**Decision:** not funded — over budget: "
        + "needs 15,000 more than the 30,000 left\n\n")
        .contains("**The committee's note:** Growth first", "**Benefit** 35.00 of 100 · **cost** 45,000",
            "- eric: Strategic fit 1, Risk-adjusted value 1", "calibrated Strategic fit: 4.0 — Fits the retention",
            "**Grounds of the appeal:** Retention risk understated", "**Reserve left in the round:** 10,000")
        .doesNotContain("Décision");
  }

  @Test
  void anEnglishKamReadsTheOutcomeInEnglishAndAFrenchReviewerInFrench() {
    locales.set("ines", Locale.FRENCH);
    fixture.approvePlans(YEAR + 1, "ACC-003", "ACC-006");
    ProcessInstance round = fixture.startRound(round("EMEA " + (YEAR + 1), "EMEA", YEAR + 1, 100_000));
    ProcessInstance lab = fixture.submitBid("alice", bid("ACC-003", "Co-innovation lab", "growth", 60_000));
    ProcessInstance crm = fixture.submitBid("alice", bid("ACC-006", "Joint CRM", "retention", 45_000));
    assertThat((String) runtimeService.getVariable(round.getId(), "callDeadline")).matches(ENGLISH_DEADLINE);
    assertThat((String) runtimeService.getVariable(crm.getId(), "callDeadline")).matches(ENGLISH_DEADLINE);
    fixture.closeCall(round);
    fixture.scoreByCommittee(lab, 5);
    fixture.scoreByCommittee(crm, 2);
    assertThat(taskVariable(round, "reserveText")).isEqualTo("10,000 held back");
    assertThat(taskVariable(round, "allocationTable").toString()).contains("\"recommendation\":\"fund\"",
        "\"reason\":\"over budget: needs 15,000 more than the 30,000 left\"");
    assertThat((String) taskVariable(round, "allocationSummary")).startsWith("**Envelope** 100,000 · **reserve** "
        + "10,000 (10 %) · **available to the optimiser** 90,000\n\n**Recommended:** 1 bid, cost 60,000, benefit ")
        .contains("**This proposal is proven optimal:**", "**Sensitivity:** with 10 % less budget")
        .doesNotContain("Warning", "Enveloppe");
    fixture.complete(round, "fatima", "director", Map.of("decision", "accept"));
    fixture.runDueJobs();

    assertThat(crm).isWaitingAt("considerAppeal");
    assertThat((String) runtimeService.getVariable(crm.getId(), "outcomeText"))
        .startsWith("**Decision:** not funded — over budget: needs 15,000 more than the 30,000 left\n\n")
        .contains("**Scorecards:**");
    assertThat((String) runtimeService.getVariable(crm.getId(), "appealDeadline")).matches(ENGLISH_DEADLINE);
    fixture.complete(crm, "alice", "kam", Map.of("appeal", "yes", "appealGrounds", "Too strict"));
    assertThat(task(crm)).isAssignedTo("ines");
    assertThat((String) runtimeService.getVariable(crm.getId(), "appealText"))
        .startsWith("**Décision :** non financée — budget dépassé : il lui manque 15\u202f000 au-delà des "
            + "30\u202f000 restants\n\n").contains("**Motifs du recours :** Too strict",
            "**Réserve restante de la campagne :** 10\u202f000");
  }

  private static Map<String, Object> mustFund(Map<String, Object> bid) {
    bid.put("mustFund", true);
    bid.put("mustFundReason", "Committed to the customer");
    return bid;
  }

  /** What a member's "Score bid" shows, their own variables first. */
  private Object scoreTaskVariable(ProcessInstance bid, String member, String name) {
    Task task = fixture.scoreTask(bid, member);
    assertThat(task).as(member + "'s Score bid").isNotNull();
    return taskService.getVariable(task.getId(), name);
  }

  /** {@code GET /api/budget/rounds/{roundId}} as eric, a director, asking for the language. */
  private JsonNode roundOverApi(String roundId, String language) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    ResponseEntity<JsonNode> answer = rest.withBasicAuth("eric", "demo").exchange("/api/budget/rounds/" + roundId,
        HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private Object taskVariable(ProcessInstance instance, String name) {
    return taskService.getVariable(task(instance).getId(), name);
  }
}
