package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.CycleRepository;
import com.kap.platform.i18n.UserLocales;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.AsUser;
import com.kap.support.KapTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A draft plan given to another KAM shows its texts in the new assignee's language: the plan deadline, the plan
 * depth and the quality gate's reasons, written again when the task's assignee changes (camille reads French,
 * alice English).
 */
@KapTest
class DraftPlanReassignedTest {

  private static final int YEAR = 2234;
  private static final String ACCOUNT = "ACC-013"; // Status: a light plan, no sponsor review

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;
  @Autowired CycleRepository cycles;
  @Autowired UserLocales locales;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theDraftsTextsFollowTheTaskToANewAssigneeInTheirLanguage() {
    assertThat(locales.of("camille")).isEqualTo(Locale.FRENCH);
    assertThat(locales.of("alice")).isEqualTo(Locale.ENGLISH);
    jdbc.update("delete from kap_cycle where cycle_year = ?", YEAR);
    cycles.insert(YEAR, "reassign-test", LocalDate.of(YEAR - 1, 12, 15), LocalDate.of(YEAR, 3, 31), "diane",
        Instant.now());
    ProcessInstance plan = AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, YEAR, ACCOUNT);
    Map<String, Object> revenueOnly = AccountPlanProcessTest.lightPlan();
    revenueOnly.put("objectives", Spin.JSON("[{\"type\":\"revenue\",\"description\":\"Grow revenue\","
        + "\"metric\":\"Revenue\",\"target\":\"+10%\"}]"));
    Task first = draft(plan);
    taskService.setAssignee(first.getId(), "alice");
    AsUser.complete(identityService, taskService, first, "alice", "kam", revenueOnly);

    Task draft = draft(plan);
    taskService.setAssignee(draft.getId(), "alice");
    assertThat(texts(draft)).satisfiesExactly(
        deadline -> assertThat(deadline).isEqualTo("12/15/2233"),
        depth -> assertThat(depth).isEqualTo("light"),
        issues -> assertThat((String) issues).contains("at least one profitability or value objective"));

    taskService.setAssignee(draft.getId(), "camille");
    assertThat(texts(draft)).satisfiesExactly(
        deadline -> assertThat(deadline).isEqualTo("15/12/2233"),
        depth -> assertThat(depth).isEqualTo("allégé"),
        issues -> assertThat((String) issues).contains("Ajoutez au moins un objectif de rentabilité ou de valeur")
            .doesNotContain("at least one"));

    taskService.claim(draft.getId(), null);
    taskService.claim(draft.getId(), "alice");
    assertThat(texts(draft).get(0)).isEqualTo("12/15/2233");
    assertThat((String) texts(draft).get(2)).contains("at least one profitability or value objective");
  }

  private Task draft(ProcessInstance plan) {
    return taskService.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey("draftAccountPlan")
        .singleResult();
  }

  private List<Object> texts(Task task) {
    return List.of(taskService.getVariable(task.getId(), "planDeadlineText"),
        taskService.getVariable(task.getId(), "planDepthText"),
        taskService.getVariable(task.getId(), "qualityIssues"));
  }
}
