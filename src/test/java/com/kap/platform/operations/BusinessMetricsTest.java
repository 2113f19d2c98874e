package com.kap.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.kap.planning.AccountPlanProcessTest;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.Api;
import com.kap.support.AsUser;
import com.kap.support.ProcessTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** KAP's counters move when the fact is recorded, as the admin scrapes them; engine log lines name the instance. */
@ProcessTest
@ExtendWith(OutputCaptureExtension.class)
class BusinessMetricsTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired MeterRegistry meterRegistry;
  @Autowired BusinessMetrics metrics;

  @Test
  void anApprovedPlanCountsOnceASentBackOneNotAndTheLogNamesItsBusinessKey(CapturedOutput output) {
    ProcessInstance plan = AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, 2040, "ACC-016");
    double before = scrape("kap_plans_approved_total");
    double activitiesBefore = scrape("camunda_activity_instance_start_total");

    draft(plan);
    decide(plan, Map.of("decision", "sendBack", "approverComments", "Quantify the margin objective"));
    assertThat(scrape("kap_plans_approved_total")).as("a plan sent back is not approved").isEqualTo(before);

    draft(plan);
    decide(plan, Map.of("decision", "approve"));
    assertThat(scrape("kap_plans_approved_total")).isEqualTo(before + 1);
    assertThat(scrape("camunda_activity_instance_start_total")).as("the engine's meters count as they happen")
        .isGreaterThan(activitiesBefore);

    String logged = "INFO \\[accountPlan 2040-ACC-016\\] .*DecidePlanListener .*: ";
    assertThat(output.getOut()).containsPattern(logged + "Plan version 1 sent back by diane")
        .containsPattern(logged + "Plan version 2 approved by diane");
  }

  @Test
  void aFactCountsOnlyOnceTheEngineTransactionCommits() {
    CommandExecutor engine = engineConfiguration.getCommandExecutorTxRequired();
    double before = meterRegistry.get("kap.plans.approved").counter().count();

    assertThatThrownBy(() -> engine.execute(command -> {
      metrics.planApproved();
      throw new IllegalStateException("rolled back after the fact was recorded");
    })).hasMessageContaining("rolled back");
    assertThat(meterRegistry.get("kap.plans.approved").counter().count()).isEqualTo(before);

    engine.execute(command -> {
      metrics.planApproved();
      return null;
    });
    assertThat(meterRegistry.get("kap.plans.approved").counter().count()).isEqualTo(before + 1);
  }

  private void draft(ProcessInstance plan) {
    Task draft = task(plan);
    AsUser.complete(identityService, taskService, draft, draft.getAssignee(), "kam",
        AccountPlanProcessTest.lightPlan());
  }

  private void decide(ProcessInstance plan, Map<String, Object> decision) {
    AsUser.complete(identityService, taskService, task(plan), "diane", "programme-director", decision);
  }

  private double scrape(String counter) {
    String text = new Api(rest).get("admin", "/actuator/prometheus", String.class).getBody();
    return text.lines().filter(line -> line.startsWith(counter + " ") || line.startsWith(counter + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }
}
