package com.kap.budget;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.kap.planning.AccountPlan;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.support.AsUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starts rounds and bids as their users do, and steps through jobs, for the budget process tests. */
class BudgetFixture {

  final RuntimeService runtimeService;
  final TaskService taskService;
  final ManagementService managementService;
  final IdentityService identityService;
  final AccountPlanRepository plans;
  final JdbcTemplate jdbc;

  BudgetFixture(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      IdentityService identityService, AccountPlanRepository plans, JdbcTemplate jdbc) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.plans = plans;
    this.jdbc = jdbc;
  }

  /** Tests share one database: no test may leave a region's round open for the next. */
  void releaseOpenRounds() {
    jdbc.update("delete from kap_open_round");
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  void approvePlans(int year, String... accountIds) {
    for (String accountId : accountIds) {
      if (plans.find(year, accountId).isEmpty()) {
        String kam = jdbc.queryForObject("select kam from kap_account where account_id = ?", String.class, accountId);
        plans.insert(new AccountPlan(year, accountId, "test", kam, "Strategic", AccountPlan.Status.APPROVED,
            Instant.now(), Instant.now(), 1));
      }
    }
  }

  static Map<String, Object> round(String name, String region, int year, long envelope) {
    Map<String, Object> form = new HashMap<>();
    form.put("name", name);
    form.put("level", region == null ? "global" : "regional");
    form.put("region", region);
    form.put("year", year);
    form.put("envelope", envelope);
    form.put("reservePercent", 10);
    form.put("callDeadline", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
    form.put("committee", "eric, fatima");
    form.put("chair", "fatima");
    return form;
  }

  ProcessInstance startRound(Map<String, Object> form) {
    return as("diane", "programme-director", () -> runtimeService.startProcessInstanceByKey("budgetRound",
        new HashMap<>(form)));
  }

  static Map<String, Object> bid(String accountId, String title, String category, long cost) {
    Map<String, Object> form = new HashMap<>();
    form.put("accountId", accountId);
    form.put("title", title);
    form.put("category", category);
    form.put("cost", cost);
    form.put("expectedMargin", cost * 3);
    form.put("successProbability", 60);
    form.put("coInvestment", 0);
    form.put("objectives", "Lift gross margin to 28 %");
    form.put("mustFund", false);
    return form;
  }

  ProcessInstance submitBid(String kam, Map<String, Object> form) {
    return as(kam, "kam", () -> runtimeService.startProcessInstanceByKey("investmentBid", new HashMap<>(form)));
  }

  /** Fires the round's call deadline and runs what follows until the next wait. */
  void closeCall(ProcessInstance round) {
    Job deadline = managementService.createJobQuery().processInstanceId(round.getId()).timers().singleResult();
    managementService.executeJob(deadline.getId());
    runDueJobs();
  }

  /** Runs every job that is due now (async continuations), as the job executor would, until none is left. */
  void runDueJobs() {
    for (int i = 0; i < 1000; i++) {
      List<Job> jobs = managementService.createJobQuery().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new IllegalStateException("jobs keep coming");
  }

  Task scoreTask(ProcessInstance bid, String member) {
    return taskService.createTaskQuery().processInstanceId(bid.getId()).taskDefinitionKey("scoreBid")
        .taskAssignee(member).singleResult();
  }

  void score(ProcessInstance bid, String member, int... scores) {
    Map<String, Object> form = new HashMap<>();
    ScoreCriterion[] criteria = ScoreCriterion.values();
    for (int i = 0; i < criteria.length; i++) {
      form.put(criteria[i].scoreField(), scores.length == 1 ? scores[0] : scores[i]);
    }
    form.put("scoreComment", member + "'s view");
    complete(scoreTask(bid, member), member, "director", form);
    runDueJobs();
  }

  /** Both members of {@link #round}'s committee, eric and fatima, give every criterion the same score. */
  void scoreByCommittee(ProcessInstance bid, int score) {
    score(bid, "eric", score);
    score(bid, "fatima", score);
  }

  void complete(Task task, String user, String group, Map<String, Object> form) {
    AsUser.complete(identityService, taskService, task, user, group, form);
  }

  void complete(ProcessInstance instance, String user, String group, Map<String, Object> form) {
    complete(task(instance), user, group, form);
  }

  <T> T as(String user, String group, java.util.function.Supplier<T> action) {
    return AsUser.call(identityService, user, group, action);
  }

  /** The bid's id (its business key, set when the bid registers), of a running or an ended bid. */
  String bidId(ProcessInstance bid) {
    ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(bid.getId())
        .singleResult();
    return running != null ? running.getBusinessKey()
        : jdbc.queryForObject("select business_key_ from act_hi_procinst where id_ = ?", String.class, bid.getId());
  }
}
