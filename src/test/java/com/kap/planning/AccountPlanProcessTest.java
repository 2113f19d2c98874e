package com.kap.planning;

import static com.kap.support.GroupTasks.assertGroupTaskOfSoleMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.AsUser;
import com.kap.support.ProcessTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of accountPlan, started as the cycle's fan-out starts it. */
@ProcessTest
public class AccountPlanProcessTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;
  @Autowired com.kap.portfolio.PortfolioImportService importService;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void aStrategicPlanIsReviewedByTheSponsorAndApproved() {
    ProcessInstance plan = startPlan(2060, "ACC-001"); // Strategic, KAM bruno, sponsor gilles

    assertThat(plan).isWaitingAt("draftAccountPlan").hasBusinessKey("2060-ACC-001");
    assertThat(task(plan)).isAssignedTo("bruno");
    assertThat(runtimeService.getVariable(plan.getId(), "planDepth")).isEqualTo("full");
    assertThat(runtimeService.getVariable(plan.getId(), "segment")).isEqualTo("Strategic");

    submitGoodPlan(taskService, identityService, "2060-ACC-001");

    assertThat(plan).isWaitingAt("reviewPlanAsSponsor");
    assertThat(task(plan)).isAssignedTo("gilles");
    complete(plan, "gilles", "executive-sponsor", Map.of("sponsorComments", "Strong plan; push the co-innovation lab",
        "touchpointCommitments", "Top-to-top with their CFO in March"));

    assertThat(plan).isWaitingAt("approveAccountPlan");
    assertGroupTaskOfSoleMember(task(plan), "programme-director", "diane");
    complete(plan, "diane", "programme-director", Map.of("decision", "approve", "approverComments", "Well done"));

    awaitEnded(plan);
    AccountPlan stored = plans.find(2060, "ACC-001").orElseThrow();
    assertThat(stored.status()).isEqualTo(AccountPlan.Status.APPROVED);
    assertThat(stored.approvedVersion()).isEqualTo(1);
    PlanVersion version = plans.versions(2060, "ACC-001").get(0);
    assertThat(version.submittedBy()).isEqualTo("bruno");
    assertThat(version.qualityPassed()).isTrue();
    assertThat(version.sponsorComments()).isEqualTo("Strong plan; push the co-innovation lab");
    assertThat(version.reviewedBy()).isEqualTo("gilles");
    assertThat(version.decision()).isEqualTo("approve");
    assertThat(version.decidedBy()).isEqualTo("diane");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ritualPlan")
        .processInstanceBusinessKey("2060-ACC-001").count()).as("the approved plan starts the ritual plan").isEqualTo(1);
    assertThat(version.content().objectives()).extracting(PlanContent.Objective::type)
        .containsExactly("revenue", "profitability");
  }

  @Test
  void theQualityGateSendsARevenueOnlyPlanBackWithTheReasons() {
    ProcessInstance plan = startPlan(2061, "ACC-013"); // Status: light plan, no sponsor review
    Map<String, Object> revenueOnly = lightPlan();
    revenueOnly.put("objectives", Spin.JSON("[{\"type\":\"revenue\",\"description\":\"Grow revenue\","
        + "\"metric\":\"Revenue\",\"target\":\"+10%\"}]"));

    completeDraft(plan, revenueOnly);

    assertThat(plan).isWaitingAt("draftAccountPlan");
    String issues = (String) runtimeService.getVariable(plan.getId(), "qualityIssues");
    assertThat(issues).contains("at least one profitability or value objective")
        .contains("Objective 1 (Grow revenue) is not measurable: add its due date");
    assertThat(plans.versions(2061, "ACC-013")).singleElement()
        .satisfies(v -> assertThat(v.qualityPassed()).isFalse());

    completeDraft(plan, lightPlan());

    assertThat(plan).isWaitingAt("approveAccountPlan");
    assertThat(runtimeService.getVariable(plan.getId(), "qualityIssues")).isNull();
    assertThat(plans.versions(2061, "ACC-013")).hasSize(2);
  }

  @Test
  void aStatusPlanSkipsTheSponsorAndASentBackPlanReturnsWithComments() {
    ProcessInstance plan = startPlan(2062, "ACC-016"); // Status, KAM alice
    completeDraft(plan, lightPlan());
    assertThat(plan).isWaitingAt("approveAccountPlan");
    assertThat(runtimeService.getVariables(plan.getId())).as("nothing to clear, nothing written empty")
        .doesNotContainKeys("approverComments", "sponsorComments", "touchpointCommitments", "qualityIssues",
            "qualityIssuesByLanguage");

    assertThatThrownBy(() -> complete(plan, "diane", "programme-director", Map.of("decision", "sendBack")))
        .hasMessageContaining("approverComments: is required when the plan is sent back");
    assertThatThrownBy(() -> complete(plan, "diane", "programme-director", Map.of("decision", "maybe")))
        .hasMessageContaining("decision: must be one of [approve, sendBack]");
    complete(plan, "diane", "programme-director",
        Map.of("decision", "sendBack", "approverComments", "Quantify the margin objective"));

    assertThat(plan).isWaitingAt("draftAccountPlan");
    assertThat(runtimeService.getVariable(plan.getId(), "approverComments")).isEqualTo("Quantify the margin objective");
    assertThat(plans.find(2062, "ACC-016").orElseThrow().status()).isEqualTo(AccountPlan.Status.DRAFTING);
    completeDraft(plan, lightPlan());
    assertThat(runtimeService.getVariables(plan.getId())).as("the earlier round's comments cleared")
        .containsEntry("approverComments", null);
    complete(plan, "diane", "programme-director", Map.of("decision", "approve"));
    awaitEnded(plan);
    assertThat(plans.find(2062, "ACC-016").orElseThrow().approvedVersion()).isEqualTo(2);
    assertThat(plans.versions(2062, "ACC-016")).extracting(PlanVersion::decision).containsExactly("sendBack", "approve");
  }

  @Test
  void refusesMalformedDraftsAndKeepsTheTaskOpen() {
    ProcessInstance plan = startPlan(2063, "ACC-019");
    String taskId = task(plan).getId();

    Map<String, Object> badType = lightPlan();
    badType.put("objectives", Spin.JSON("[{\"type\":\"volume\",\"description\":\"More\"}]"));
    assertThatThrownBy(() -> completeDraft(plan, badType))
        .hasMessageContaining("objectives[0].type: must be one of [revenue, profitability, value, relationship]");
    Map<String, Object> badDate = lightPlan();
    badDate.put("actions", Spin.JSON("[{\"action\":\"Call\",\"owner\":\"diane\",\"dueDate\":\"31/12/2063\"}]"));
    assertThatThrownBy(() -> completeDraft(plan, badDate))
        .hasMessageContaining("actions[0].dueDate: must be a date like 2027-03-31");
    Map<String, Object> notAList = lightPlan();
    notAList.put("risks", "high");
    assertThatThrownBy(() -> completeDraft(plan, notAList)).hasMessageContaining("risks: must be a list");

    assertThat(task(plan).getId()).isEqualTo(taskId);
    assertThat(plans.versions(2063, "ACC-019")).isEmpty();
  }

  @Test
  void remindsTheKamAWeekBeforeAndEscalatesAtTheDeadline() throws IOException {
    ProcessInstance plan = startPlan(2064, "ACC-007"); // Star, KAM bruno
    Job reminder = timer(plan, "reminderDue");
    Job deadline = timer(plan, "planDeadlinePassed");
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(Instant.parse("2063-12-08T09:00:00Z")));
    assertThat(deadline.getDuedate()).isEqualTo(Date.from(Instant.parse("2063-12-16T00:00:00Z")));

    execute(reminder);
    execute(managementService.createJobQuery().processInstanceId(plan.getId()).activityId("sendPlanReminder")
        .singleResult());

    assertThat(outboxMentions("Reminder: account plan 2064 for Orion Retail (ACC-007)")).isTrue();
    assertThat(plan).isWaitingAt("draftAccountPlan");

    execute(deadline);

    assertThat(plan).isWaitingAt("draftAccountPlan", "handleOverduePlan");
    Task escalation = taskService.createTaskQuery().processInstanceId(plan.getId())
        .taskDefinitionKey("handleOverduePlan").singleResult();
    assertGroupTaskOfSoleMember(escalation, "programme-director", "diane");
    complete(escalation, "diane", "programme-director", Map.of("followUp", "Call with bruno on Monday"));
    assertThat(plan).isWaitingAt("draftAccountPlan");
  }

  @Test
  void submittedVariablesCannotRedirectThePlanOrSkipItsReviews() {
    ProcessInstance plan = startPlan(2068, "ACC-003"); // Strategic, KAM alice, sponsor gilles
    assertThat(task(plan)).isAssignedTo("alice");
    Map<String, Object> tampered = lightPlan();
    tampered.putAll(Map.of("accountId", "ACC-001", "year", 2000, "planDepth", "onePage", "sponsorRequired", false,
        "sponsor", "alice", "kam", "bruno"));

    completeDraft(plan, tampered);

    // a light plan is not enough for a Strategic account: the full depth still applies
    assertThat(plan).isWaitingAt("draftAccountPlan");
    assertThat(task(plan)).isAssignedTo("alice");
    assertThat(plans.versions(2068, "ACC-003")).singleElement().satisfies(v -> assertThat(v.qualityIssues())
        .contains("Customer strategy is required for this plan depth."));
    assertThat(plans.find(2068, "ACC-001")).isEmpty();

    Map<String, Object> fullTampered = fullPlan();
    fullTampered.putAll(Map.of("sponsorRequired", false, "sponsor", "alice"));
    completeDraft(plan, fullTampered);

    assertThat(plan).isWaitingAt("reviewPlanAsSponsor");
    assertThat(task(plan)).isAssignedTo("gilles");
    assertThat(taskService.getIdentityLinksForTask(task(plan).getId()))
        .noneMatch(link -> "executive-sponsor".equals(link.getGroupId()));
  }

  @Test
  void theReviewOfAStrategicAccountWithoutSponsorGoesToAllExecutiveSponsors() {
    importService.importCsv(String.join(",", com.kap.portfolio.internal.PortfolioCsvParser.REQUIRED_COLUMNS)
        + "\nNOSPONSOR-1,Orphan Strategic,EMEA,chen,,9,9,9,9,9,9,9,9,9,9,9,9\n");
    segmentation.segment(2069);
    ProcessInstance plan = startPlan(2069, "NOSPONSOR-1");

    completeDraft(plan, fullPlan());

    assertThat(plan).isWaitingAt("reviewPlanAsSponsor");
    assertGroupTaskOfSoleMember(task(plan), "executive-sponsor", "gilles"); // the demo's only sponsor
  }

  @Test
  void aSecondPlanForTheSameAccountAndYearIsRefused() {
    startPlan(2065, "ACC-002");

    assertThatThrownBy(() -> startPlan(2065, "ACC-002")).isNotNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2065-ACC-002").count())
        .isEqualTo(1);
  }

  @Test
  void lastYearsApprovedPlanPrefillsTheDraft() {
    ProcessInstance last = startPlan(2066, "ACC-014");
    completeDraft(last, lightPlan());
    complete(last, "diane", "programme-director", Map.of("decision", "approve"));

    ProcessInstance next = startPlan(2067, "ACC-014");

    assertThat(runtimeService.getVariable(next.getId(), "prefilledFrom")).isEqualTo(2066);
    assertThat(runtimeService.getVariable(next.getId(), "customerSituation"))
        .isEqualTo(lightPlan().get("customerSituation"));
    assertThat(runtimeService.getVariable(next.getId(), "objectives").toString()).contains("Lift gross margin");
  }

  // --- helpers shared with other process tests ---

  /** Completes the draft of a plan as its KAM with a full plan that meets every quality bar. */
  public static void submitGoodPlan(TaskService taskService, IdentityService identityService, String businessKey) {
    Task draft = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey("draftAccountPlan").singleResult();
    identityService.setAuthentication(draft.getAssignee(), List.of("kam"));
    try {
      taskService.complete(draft.getId(), fullPlan());
    } finally {
      identityService.clearAuthentication();
    }
  }

  public static Map<String, Object> fullPlan() {
    Map<String, Object> plan = lightPlan();
    plan.put("customerStrategy", "Consolidating suppliers, moving to outcome-based contracts");
    plan.put("strengths", "Delivery reliability, local service");
    plan.put("vulnerabilities", "Price perception");
    plan.put("objectives", Spin.JSON("[{\"type\":\"revenue\",\"description\":\"Grow revenue\",\"metric\":\"Revenue\","
        + "\"baseline\":\"4.0M\",\"target\":\"4.6M\",\"dueDate\":\"2027-12-31\"},{\"type\":\"profitability\","
        + "\"description\":\"Lift gross margin\",\"metric\":\"Gross margin\",\"baseline\":\"24%\",\"target\":\"28%\","
        + "\"dueDate\":\"2027-12-31\"}]"));
    plan.put("strategies", "Value-based pricing; joint innovation lab");
    plan.put("trainingNeeds", Spin.JSON("[{\"forWhom\":\"kam\",\"need\":\"Negotiating value\"},"
        + "{\"forWhom\":\"seniorManagement\",\"need\":\"Executive sponsorship\"}]"));
    plan.put("sponsorTouchpoints", "Quarterly top-to-top");
    return plan;
  }

  public static Map<String, Object> lightPlan() {
    Map<String, Object> plan = new HashMap<>();
    plan.put("customerSituation", "Growing in Asia, margin pressure at home");
    plan.put("objectives", Spin.JSON("[{\"type\":\"profitability\",\"description\":\"Lift gross margin\","
        + "\"metric\":\"Gross margin\",\"baseline\":\"24%\",\"target\":\"27%\",\"dueDate\":\"2027-12-31\"}]"));
    plan.put("actions", Spin.JSON("[{\"action\":\"Price review workshop\",\"owner\":\"diane\",\"dueDate\":\"2027-03-31\"}]"));
    plan.put("risks", Spin.JSON("[{\"risk\":\"Competitor undercuts\",\"likelihood\":\"medium\"}]"));
    plan.put("trainingNeeds", Spin.JSON("[]"));
    plan.put("stakeholders", Spin.JSON(STAKEHOLDERS));
    return plan;
  }

  /**
   * A decision maker and a champion, each with diane (on every account's team) as owner: what stakeholderCoverage
   * asks of a Strategic account, and more than any other segment needs.
   */
  public static final String STAKEHOLDERS = "[{\"name\":\"Eva Lind\",\"title\":\"COO\",\"buyingRole\":\"decisionMaker\",\"influence\":\"high\","
      + "\"attitude\":\"supporter\",\"owner\":\"diane\"},{\"name\":\"Jon Berg\",\"title\":\"Head of logistics\","
      + "\"buyingRole\":\"champion\",\"influence\":\"medium\",\"attitude\":\"supporter\",\"owner\":\"diane\","
      + "\"reportsTo\":\"Eva Lind\"}]";

  private ProcessInstance startPlan(int year, String accountId) {
    return startPlan(runtimeService, segmentation, plans, year, accountId);
  }

  /** Starts a plan as the cycle's fan-out does, segmenting the portfolio for the year first if nothing did. */
  public static ProcessInstance startPlan(RuntimeService runtimeService, PortfolioSegmentation segmentation,
      AccountPlanRepository plans, int year, String accountId) {
    boolean segmented = runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(year + "-%")
        .count() > 0 || !plans.findByYear(year).isEmpty();
    if (!segmented) {
      segmentation.segment(year);
    }
    return runtimeService.startProcessInstanceByKey("accountPlan", year + "-" + accountId, Variables.createVariables()
        .putValue("year", year).putValue("accountId", accountId).putValue("planDeadline", (year - 1) + "-12-15")
        .putValue("planDeadlineDue", Date.from(Instant.parse((year - 1) + "-12-16T00:00:00Z")))
        .putValue("reminderDue", Date.from(Instant.parse((year - 1) + "-12-08T09:00:00Z"))));
  }

  /** Completes the draft as the account's KAM, its assignee. */
  private void completeDraft(ProcessInstance plan, Map<String, Object> variables) {
    Task draft = task(plan);
    complete(draft, draft.getAssignee(), "kam", variables);
  }

  private void complete(ProcessInstance plan, String user, String group, Map<String, Object> variables) {
    complete(task(plan), user, group, variables);
  }

  private void complete(Task task, String user, String group, Map<String, Object> variables) {
    AsUser.complete(identityService, taskService, task, user, group, variables);
  }

  /** The approved plan's last step (the ritual plan's start) is a job of its own, run after the approval. */
  private void awaitEnded(ProcessInstance plan) {
    execute(managementService.createJobQuery().processInstanceId(plan.getId()).activityId("startRitualPlan")
        .singleResult());
    assertThat(plan).isEnded();
  }

  private Job timer(ProcessInstance plan, String activityId) {
    return managementService.createJobQuery().processInstanceId(plan.getId()).timers().activityId(activityId)
        .singleResult();
  }

  private static boolean outboxMentions(String text) throws IOException {
    Path outbox = Path.of("target", "test-outbox");
    try (Stream<Path> files = Files.list(outbox)) {
      return files.anyMatch(f -> {
        try {
          return Files.readString(f).contains(text);
        } catch (IOException e) {
          return false;
        }
      });
    }
  }
}
