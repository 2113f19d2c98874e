package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.AsUser;
import com.kap.support.KapTest;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The plan's summary in "Review plan as sponsor" and "Approve account plan" is in the language of whoever the task
 * is for, and follows the task when it is claimed or given to someone else: the sponsor's (gilles, English; camille,
 * French, when it is given to her); the approval, which two programme directors share, in the installation's
 * language while they speak two, in theirs when they speak one, in a French director's once claimed. The process
 * keeps the English.
 */
@KapTest
class PlanReviewFormsInTheReadersLanguageTest {

  private static final int YEAR = 2169;
  private static final String ACCOUNT = "ACC-003"; // Atlas Logistics: Strategic, KAM alice, sponsor gilles
  private static final String FRENCH_DIRECTOR = "dirfr2169";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;
  @Autowired UserLocales locales;

  private Locale dianesOwn;

  @AfterEach
  void removeFrenchDirector() {
    locales.set("diane", dianesOwn);
    if (identityService.createUserQuery().userId(FRENCH_DIRECTOR).count() > 0) {
      locales.set(FRENCH_DIRECTOR, null);
      identityService.deleteMembership(FRENCH_DIRECTOR, Roles.PROGRAMME_DIRECTOR);
      identityService.deleteUser(FRENCH_DIRECTOR);
    }
  }

  @Test
  void theReviewersReadThePlanInTheirLanguage() {
    dianesOwn = locales.chosenBy("diane").orElse(null);
    // a second programme director, French: the approval is the group's to claim, not diane's alone
    User director = identityService.newUser(FRENCH_DIRECTOR);
    director.setFirstName("Dominique");
    director.setLastName("Roux");
    identityService.saveUser(director);
    identityService.createMembership(FRENCH_DIRECTOR, Roles.PROGRAMME_DIRECTOR);
    locales.set(FRENCH_DIRECTOR, Locale.FRENCH);

    ProcessInstance plan = AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, YEAR, ACCOUNT);
    AsUser.complete(identityService, taskService, task(plan, "draftAccountPlan"), "alice", Roles.KAM,
        AccountPlanProcessTest.fullPlan());

    Task sponsor = task(plan, "reviewPlanAsSponsor");
    assertThat(sponsor.getAssignee()).isEqualTo("gilles");
    assertEnglish(summary(sponsor));
    taskService.setAssignee(sponsor.getId(), "camille");
    assertFrench(summary(sponsor));
    taskService.setAssignee(sponsor.getId(), "gilles");
    assertEnglish(summary(sponsor));
    assertEnglish(((SpinJsonNode) runtimeService.getVariable(plan.getId(), "planSummary")).stringValue());
    AsUser.complete(identityService, taskService, sponsor, "gilles", Roles.EXECUTIVE_SPONSOR,
        Map.of("sponsorComments", "Good", "touchpointCommitments", "Quarterly top-to-top"));

    Task approval = task(plan, "approveAccountPlan");
    assertThat(approval.getAssignee()).isNull();
    assertEnglish(summary(approval)); // the directors speak English and French: the installation's
    taskService.claim(approval.getId(), FRENCH_DIRECTOR);
    assertFrench(summary(approval));
    taskService.setAssignee(approval.getId(), "diane");
    assertEnglish(summary(approval));
    locales.set("diane", Locale.FRENCH);
    taskService.setAssignee(approval.getId(), null);
    assertFrench(summary(approval)); // nobody holds it, and the directors all speak French
    locales.set("diane", dianesOwn);
    taskService.setAssignee(approval.getId(), "diane");
    assertEnglish(summary(approval));
    AsUser.complete(identityService, taskService, approval, "diane", Roles.PROGRAMME_DIRECTOR,
        Map.of("decision", "approve"));
    assertThat(plans.find(YEAR, ACCOUNT).orElseThrow().status()).isEqualTo(AccountPlan.Status.APPROVED);
  }

  private static void assertEnglish(String summary) {
    assertThat(summary).contains("#### Customer situation", "#### Objectives", "- **Profitability**: Lift gross margin"
            + " — metric Gross margin, baseline 24%, target 28%, due 12/31/2027", "#### Action plan",
        "Price review workshop — diane, due 03/31/2027", "(likelihood medium)", "**Senior management**",
        "— Decision maker, influence high, supporter; our owner diane", "; reports to Eva Lind")
        .doesNotContain("Situation du client", "échéance");
  }

  private static void assertFrench(String summary) {
    assertThat(summary).contains("#### Situation du client", "#### Objectifs", "- **Rentabilité** : Lift gross margin"
            + " — indicateur Gross margin, point de départ 24%, cible 28%, échéance le 31/12/2027",
        "#### Plan d’actions", "Price review workshop — diane, échéance le 31/03/2027", "(probabilité moyenne)",
        "**Direction générale**", "— Décideur, influence forte, favorable ; notre responsable : diane",
        " ; rend compte à Eva Lind", "Growing in Asia, margin pressure at home")
        .doesNotContain("Customer situation", "Objectives", "metric", "due ", "likelihood", "our owner", "reports to");
  }

  private String summary(Task task) {
    return ((SpinJsonNode) taskService.getVariable(task.getId(), "planSummary")).stringValue();
  }

  private Task task(ProcessInstance plan, String key) {
    Task task = taskService.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key).isNotNull();
    return task;
  }
}
