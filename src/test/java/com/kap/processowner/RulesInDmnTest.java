package com.kap.processowner;

import static com.kap.support.GroupTasks.assertGroupTaskOfSoleMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.kap.planning.AccountPlanProcessTest;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.ProcessTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner changes one row of a DMN table in bpmn/, redeploys it, and the processes behave differently with
 * no Java change: the business rule task and the ritual cadence always evaluate the latest decision.
 */
@ProcessTest
class RulesInDmnTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;

  private String changedRules;

  @AfterEach
  void restoreTheRules() {
    if (changedRules != null) {
      repositoryService.deleteDeployment(changedRules, true);
    }
  }

  @Test
  void sponsorReviewForStarPlansIsOneCellOfSegmentServiceLevels() throws IOException {
    ProcessInstance before = AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, 2085, "ACC-007");
    AccountPlanProcessTest.submitGoodPlan(taskService, identityService, "2085-ACC-007");
    assertThat(before).as("Star plans go straight to approval").isWaitingAt("approveAccountPlan");

    changedRules = redeploy("segmentServiceLevels.dmn",
        "<outputEntry id=\"starSponsor\"><text>false</text></outputEntry>",
        "<outputEntry id=\"starSponsor\"><text>true</text></outputEntry>");

    ProcessInstance after = AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, 2086, "ACC-007");
    AccountPlanProcessTest.submitGoodPlan(taskService, identityService, "2086-ACC-007");
    assertThat(after).isWaitingAt("reviewPlanAsSponsor");
    // ACC-007 has no sponsor: every executive sponsor may review, and the demo has one
    assertGroupTaskOfSoleMember(task(after), "executive-sponsor", "gilles");
  }

  @Test
  void theCadenceOfARitualIsOneCellOfRitualCadence() throws IOException {
    // Strategic: internal review every two weeks (26), plan review, customer business review and top-to-top
    // quarterly (4 each), operations meeting monthly (12)
    assertThat(proposedRituals(2088, "ACC-003")).isEqualTo(26 + 4 + 4 + 4 + 12);

    changedRules = redeploy("ritualCadence.dmn",
        "<outputEntry id=\"strategicInternalReviewPeriod\"><text>\"P2W\"</text></outputEntry>",
        "<outputEntry id=\"strategicInternalReviewPeriod\"><text>\"P1M\"</text></outputEntry>");

    assertThat(proposedRituals(2089, "ACC-003")).as("the internal review now monthly").isEqualTo(12 + 4 + 4 + 4 + 12);
  }

  private int proposedRituals(int year, String accountId) {
    ProcessInstance plan = runtimeService.startProcessInstanceByKey("ritualPlan", year + "-" + accountId);
    assertThat(plan).isWaitingAt("proposeRitualCalendar");
    return ((SpinJsonNode) runtimeService.getVariable(plan.getId(), "rituals")).elements().size();
  }

  /** Deploys the table from bpmn/ with one cell changed, as a process owner deploys from Camunda Modeler. */
  private String redeploy(String file, String cell, String changedCell) throws IOException {
    String table = Files.readString(Path.of("bpmn", file));
    assertThat(table).as(file + " holds the cell the test changes").contains(cell);
    return repositoryService.createDeployment().name("process owner's change").addString(file,
        table.replace(cell, changedCell)).deploy().getId();
  }
}
