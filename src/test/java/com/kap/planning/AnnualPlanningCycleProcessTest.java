package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.CycleSegmentRepository;
import com.kap.portfolio.PortfolioImportService;
import com.kap.portfolio.PortfolioCsvParser;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.Segment;
import com.kap.support.ProcessTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class AnnualPlanningCycleProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired CycleSegmentRepository cycleSegments;
  @Autowired PortfolioImportService importService;
  @Autowired PortfolioSegmentation segmentation;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  /** Starts and completes as diane, with her authorizations; the assertions look as an administrator would. */
  private <T> T asDiane(java.util.function.Supplier<T> action) {
    identityService.setAuthentication("diane", List.of("programme-director"));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void validate(ProcessInstance cycle, Object overrides) {
    org.camunda.bpm.engine.task.Task task = task(cycle);
    asDiane(() -> {
      complete(task, withVariables("overrides", overrides));
      return null;
    });
  }

  @Test
  void segmentsThePortfolioAndStoresTheDirectorsOverrides() {
    ProcessInstance cycle = start(2031);
    assertThat(cycle).isStarted().hasBusinessKey("2031").isWaitingAt("segmentPortfolio");

    execute(job(cycle));

    assertThat(cycle).isWaitingAt("validateSegmentation");
    assertThat(task(cycle)).hasCandidateGroup("programme-director");
    Map<String, Object> shown = runtimeService.getVariables(cycle.getId());
    int accounts = (Integer) shown.get("accountCount");
    assertThat(accounts).isEqualTo(cycleSegments.findByYear(2031).size()).isGreaterThanOrEqualTo(24);
    assertThat((Integer) shown.get("strategicCount") + (Integer) shown.get("starCount")
        + (Integer) shown.get("statusCount") + (Integer) shown.get("streamlineCount")).isEqualTo(accounts);
    assertThat(shown.get("focusLimitExceeded")).isEqualTo(false);
    assertThat(shown.get("matrixImage").toString()).contains("data:image/svg+xml;base64,");
    assertThat(shown.get("portfolioTable").toString()).contains("ACC-001");

    validate(cycle, Spin.JSON("[{\"accountId\":\"ACC-024\",\"segment\":\"Strategic\","
        + "\"reason\":\"Board-level partnership signed in October\"}]"));

    assertThat(cycle).isEnded();
    CycleSegment overridden = segment(2031, "ACC-024");
    assertThat(overridden.computedSegment()).isEqualTo(Segment.STREAMLINE);
    assertThat(overridden.segment()).isEqualTo(Segment.STRATEGIC);
    assertThat(overridden.override().reason()).isEqualTo("Board-level partnership signed in October");
    assertThat(overridden.override().by()).isEqualTo("diane");
    assertThat(overridden.override().at()).isNotNull();
    assertThat(segment(2031, "ACC-001").override()).isNull();
  }

  @Test
  void validatingWithoutOverridesEndsTheCycleStep() {
    ProcessInstance cycle = start(2032);
    execute(job(cycle));

    validate(cycle, null);

    assertThat(cycle).isEnded();
    assertThat(cycleSegments.findByYear(2032)).allSatisfy(s -> assertThat(s.override()).isNull());
  }

  @Test
  void refusesOverridesTheServerCannotAccept() {
    ProcessInstance cycle = start(2033);
    execute(job(cycle));

    assertRefused(cycle, "[{\"accountId\":\"ACC-001\",\"segment\":\"Star\",\"reason\":\"  \"}]",
        "overrides[0].reason: is required");
    assertRefused(cycle, "[{\"accountId\":\"ACC-001\",\"segment\":\"Gold\",\"reason\":\"why\"}]",
        "overrides[0].segment: 'Gold' is not a segment");
    assertRefused(cycle, "[{\"accountId\":\"NO-SUCH\",\"segment\":\"Star\",\"reason\":\"why\"}]",
        "overrides[0].accountId: account 'NO-SUCH' is not in the 2033 segmentation");
    assertRefused(cycle, "[{\"accountId\":\"ACC-001\",\"segment\":\"Star\",\"reason\":\"a\"},"
        + "{\"accountId\":\"ACC-001\",\"segment\":\"Status\",\"reason\":\"b\"}]",
        "overrides[1].accountId: account 'ACC-001' is overridden twice");
    assertRefused(cycle, "{\"accountId\":\"ACC-001\"}", "overrides: must be a list of entries");

    assertThat(cycle).isWaitingAt("validateSegmentation");
    assertThat(cycleSegments.findByYear(2033)).allSatisfy(s -> assertThat(s.override()).isNull());
  }

  @Test
  void refusesASecondCycleForTheSameYear() {
    ProcessInstance cycle = start(2034);

    assertThatThrownBy(() -> start(2034)).hasMessageContaining("year: a planning cycle for 2034 has already been started");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2034").count()).isEqualTo(1);
  }

  @Test
  void refusesAYearThatIsMissingOrOutOfRange() {
    assertThatThrownBy(() -> start(1999)).hasMessageContaining("year: must be from 2000 to 2100, was 1999");
    assertThatThrownBy(() -> startWith(Map.of("year", "next"))).hasMessageContaining("year: must be a whole number");
    assertThatThrownBy(() -> startWith(Map.of())).hasMessageContaining("year: is required");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("annualPlanningCycle")
        .processInstanceBusinessKey("1999").count()).isZero();
  }

  @Test
  void warnsWhenStrategicAndStarExceedTheFocusLimit() {
    StringBuilder csv = new StringBuilder(String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS)).append('\n');
    for (int i = 1; i <= 30; i++) {
      csv.append("FOCUS-").append(i).append(",Focus ").append(i).append(",EMEA,alice,gilles,9,9,9,9,9,9,9,9,9,9,9,9\n");
    }
    importService.importCsv(csv.toString());
    ProcessInstance cycle = start(2035);

    execute(job(cycle));

    Map<String, Object> shown = runtimeService.getVariables(cycle.getId());
    assertThat((Integer) shown.get("focusCount")).isGreaterThan(35);
    assertThat(shown.get("focusLimitExceeded")).isEqualTo(true);
    assertThat(shown.get("focusLimit")).isEqualTo(35);
  }

  @Test
  void aRetriedSegmentationWritesNothingTwiceAndKeepsOverrides() {
    ProcessInstance cycle = start(2036);
    execute(job(cycle));
    validate(cycle, Spin.JSON("[{\"accountId\":\"ACC-002\",\"segment\":\"Status\",\"reason\":\"Losing the tender\"}]"));
    int rows = cycleSegments.findByYear(2036).size();

    segmentation.segment(2036); // what the delegate does again when its job is retried

    assertThat(cycleSegments.findByYear(2036)).hasSize(rows);
    assertThat(segment(2036, "ACC-002").segment()).isEqualTo(Segment.STATUS);
    assertThat(cycle).isEnded();
  }

  private void assertRefused(ProcessInstance cycle, String overrides, String message) {
    String taskId = task(cycle).getId();
    assertThatThrownBy(() -> validate(cycle, Spin.JSON(overrides))).hasMessageContaining(message);
    assertThat(task(cycle).getId()).isEqualTo(taskId);
  }

  private CycleSegment segment(int year, String accountId) {
    return cycleSegments.findByYear(year).stream().filter(s -> s.accountId().equals(accountId)).findFirst()
        .orElseThrow();
  }

  private ProcessInstance start(Object year) {
    return startWith(Map.of("year", year));
  }

  private ProcessInstance startWith(Map<String, Object> variables) {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("annualPlanningCycle")
        .latestVersion().singleResult().getId();
    return asDiane(() -> formService.submitStartForm(definitionId, variables));
  }
}
