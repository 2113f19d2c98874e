package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.mib;
import static com.kap.benchmark.BenchmarkSupport.pyramidPortfolio;
import static com.kap.benchmark.BenchmarkSupport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kap.benchmark.BenchmarkSupport.HeapSampler;
import com.kap.planning.CycleCalendar;
import com.kap.portfolio.PortfolioImportService;
import com.kap.rituals.internal.RitualProperties;
import com.kap.support.KapTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of ritual plans (10,000 accounts, about 150,000 rituals; one {@code nextRitualDay} timer per plan, which hands
 * each day's rituals out to their branches) and the time the job executor takes until every ritual of the busiest day
 * has its task, against a bare timer → user task process with one timer per ritual on the same dates, in one run: {@code ./mvnw -Pbenchmark test -Dtest=RitualBenchmark} ({@code -Dkap.benchmark.accounts=2000}
 * for a smaller year; 10,000 accounts want {@code -DargLine=-Xmx14g}). Job executor on with application.yaml's
 * settings, H2 in memory.
 *
 * <p>Only the measured day's timers may fire: moving the clock to that day would make every earlier day due too, so
 * every job is suspended first and just that day's timers are activated before the clock moves (the other days'
 * timers stay in the job table, as they would on that day). The busiest day is fired for the bare engine first, the
 * second busiest for KAP first, so that neither side always has the warmer JVM.
 *
 * <p>{@code -Dkap.benchmark.database=file} runs it on the default's kind of database, an H2 file (under
 * {@code target/ritual-benchmark/}, emptied first) instead of memory, and reports the file's size; with
 * {@code -Dkap.test.jvm=-Xmx2g} it shows whether 10,000 accounts fit a 2 GiB heap there.
 */
@KapTest
class RitualBenchmark {

  private static final int ACCOUNTS = Integer.getInteger("kap.benchmark.accounts", 10_000);
  private static final int YEAR = 2095;
  private static final String BARE = "bareRitual";
  /** The bare engine's ritual plan: what KAP's set-up does as a user sees it, without KAP's listeners and tables. */
  private static final String BARE_PLAN = "bareRitualPlan";

  private static final boolean FILE = "file".equals(System.getProperty("kap.benchmark.database"));
  private static final java.nio.file.Path FILE_DIRECTORY = java.nio.file.Path.of("target", "ritual-benchmark");

  @org.springframework.test.context.DynamicPropertySource
  static void database(org.springframework.test.context.DynamicPropertyRegistry registry) throws java.io.IOException {
    if (FILE) {
      if (java.nio.file.Files.exists(FILE_DIRECTORY)) {
        try (var files = java.nio.file.Files.walk(FILE_DIRECTORY)) {
          files.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile)
              .forEach(java.io.File::delete);
        }
      }
      registry.add("spring.datasource.url",
          () -> "jdbc:h2:file:./" + FILE_DIRECTORY.resolve("kap") + ";AUTO_SERVER=FALSE");
    }
  }

  @Autowired PortfolioImportService importService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired RitualProperties ritualProperties;
  @Autowired CycleCalendar calendar;

  /** A day's firing: how many timers were due, how many rituals got their task, and how long that took. */
  private record Firing(long jobs, long tasks, double seconds) {
    double tasksPerSecond() {
      return tasks / seconds;
    }

    double secondsPerTask() {
      return seconds / tasks;
    }
  }

  @Test
  void firingADayOfRitualsAgainstTheBareEngine() throws Exception {
    HeapSampler heap = new HeapSampler();
    importService.importCsv(pyramidPortfolio("RIT-", ACCOUNTS));

    // ritual plans: start, propose the calendar as proposed, validate
    long setUpStart = System.nanoTime();
    for (int i = 0; i < ACCOUNTS; i++) {
      plan(accountId(i));
      if ((i + 1) % 1000 == 0) {
        System.out.printf("BENCHMARK ritual plans: %d in %.1f s%n", i + 1, (System.nanoTime() - setUpStart) / 1e9);
      }
    }
    double setUpSeconds = (System.nanoTime() - setUpStart) / 1e9;
    System.gc();
    long heapAfterKapSetUp = HeapSampler.usedHeap();
    long peakDuringKapSetUp = heap.peak();
    long fileAfterKapSetUp = databaseFileSize();
    // what the set-up wrote, per plan: the same on every machine, where the time varies with the load
    for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_GE_BYTEARRAY", "ACT_RU_JOB",
        "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_DETAIL", "KAP_RITUAL_OCCURRENCE")) {
      Long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
      System.out.printf("BENCHMARK rows after the set-up: %s %,d (%.1f per plan)%n", table, rows,
          rows / (double) ACCOUNTS);
    }
    System.out.printf("BENCHMARK ritual set-up per plan: start to the proposal %.1f ms, propose %.1f ms, validate "
        + "(and schedule) %.1f ms%n", stepNanos[0] / 1e6 / ACCOUNTS, stepNanos[1] / 1e6 / ACCOUNTS,
        stepNanos[2] / 1e6 / ACCOUNTS);
    System.out.printf("BENCHMARK ritual set-up: %.1f plans/s, heap %s after GC (peak %s), database file %s%n",
        ACCOUNTS / setUpSeconds, mib(heapAfterKapSetUp), mib(peakDuringKapSetUp),
        FILE ? mib(fileAfterKapSetUp) : "none (in memory)");
    List<LocalDate> plannedDates = jdbc.queryForList("select planned_date from kap_ritual_occurrence where "
        + "cycle_year = ? and status = 'PLANNED' and account_id like 'RIT-%'", java.sql.Date.class, YEAR)
        .stream().map(java.sql.Date::toLocalDate).toList();
    List<String> ritualDay = jobDefinitions("ritualPlan", "nextRitualDay");
    long kapTimers = ritualDay.stream().mapToLong(d -> managementService.createJobQuery().jobDefinitionId(d)
        .duedateHigherThan(dueAt(LocalDate.of(YEAR - 1, 12, 31))).duedateLowerThan(dueAt(LocalDate.of(YEAR + 1, 1, 1)))
        .count()).sum();
    assertThat(kapTimers).as("one timer per plan").isEqualTo(ACCOUNTS);

    // the bare engine: the same timers, one per instance
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1)
        .startEvent().intermediateCatchEvent("ritualDay").timerWithDate("${due}").userTask("holdRitual").endEvent()
        .done();
    BpmnModelInstance planModel = Bpmn.createExecutableProcess(BARE_PLAN).camundaHistoryTimeToLive(1)
        .startEvent().userTask("proposeRitualCalendar").camundaAssignee("kam")
        .userTask("validateRitualCalendar").camundaCandidateGroups("programme-director")
        .intermediateCatchEvent("nextRitualDay").timerWithDate("${due}").userTask("holdRitual").endEvent()
        .done();
    Deployment bare = repositoryService.createDeployment().name(BARE).addModelInstance(BARE + ".bpmn", model)
        .addModelInstance(BARE_PLAN + ".bpmn", planModel).deploy();
    managementService.registerDeploymentForJobExecutor(bare.getId());
    Set<String> suspendedBefore = new HashSet<>();
    try {
      long bareStart = System.nanoTime();
      for (int i = 0; i < plannedDates.size(); i++) {
        runtimeService.startProcessInstanceByKey(BARE, "bare-" + i,
            Variables.createVariables().putValue("due", dueAt(plannedDates.get(i))));
      }
      double bareSetUpSeconds = (System.nanoTime() - bareStart) / 1e9;
      // the bare engine's plans: the same calls with the same calendars, as KAP's set-up above
      long barePlanStart = System.nanoTime();
      for (int i = 0; i < ACCOUNTS; i++) {
        barePlan(i, proposals.get(i));
      }
      double barePlanSeconds = (System.nanoTime() - barePlanStart) / 1e9;
      System.out.printf("BENCHMARK bare engine's plans: %.1f plans/s (KAP %.1f plans/s, %.1f×)%n",
          ACCOUNTS / barePlanSeconds, ACCOUNTS / setUpSeconds, setUpSeconds / barePlanSeconds);
      System.gc();
      long heapAfterSetUp = HeapSampler.usedHeap();
      List<String> bareDay = jobDefinitions(BARE, "ritualDay");

      managementService.createJobQuery().suspended().list().forEach(job -> suspendedBefore.add(job.getId()));
      long jobsInTable = managementService.createJobQuery().count();

      // the busiest day of KAP's timers (every plan's next ritual day), fired for the bare engine first; then, the
      // plans' timers having moved on to their next days, the busiest of those, fired for KAP first. The bare engine
      // fires every ritual of the day, KAP the rituals of the plans whose timer is due: compared per ritual
      Firing[] kap = new Firing[2];
      Firing[] bareEngine = new Firing[2];
      List<LocalDate> busiest = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        LocalDate day = busiestDay(ritualDay);
        busiest.add(day);
        System.out.println("BENCHMARK firing " + day);
        if (round == 0) {
          bareEngine[round] = fireBare(bareDay, day);
          kap[round] = fireKap(ritualDay, day);
        } else {
          kap[round] = fireKap(ritualDay, day);
          bareEngine[round] = fireBare(bareDay, day);
        }
      }
      heap.stop();

      report(
          "Ritual plans, " + ACCOUNTS + " accounts, cycle year " + YEAR + ", " + Runtime.getRuntime()
              .availableProcessors() + " processors, job executor " + engine.getJobExecutor().getClass().getSimpleName()
              + " as configured:",
          "",
          "| what | KAP ritual plans | bare engine | KAP / bare |",
          "|---|---|---|---|",
          String.format("| set-up: start, propose, validate (the same calls, the same calendars) | %,d plans in %.1f s "
                  + "(%.1f plans/s) | %,d plans in %.1f s (%.1f plans/s) | %.1f× |", ACCOUNTS, setUpSeconds,
              ACCOUNTS / setUpSeconds, ACCOUNTS, barePlanSeconds, ACCOUNTS / barePlanSeconds,
              setUpSeconds / barePlanSeconds),
          String.format("| set-up per plan: start to the proposal / propose / validate | %.1f / %.1f / %.1f ms | | |",
              stepNanos[0] / 1e6 / ACCOUNTS, stepNanos[1] / 1e6 / ACCOUNTS, stepNanos[2] / 1e6 / ACCOUNTS),
          String.format("| timers: KAP's plans' set-up, the bare engine one instance per ritual | %,d rituals "
                  + "(%.0f/s) | %,d instances started in %.1f s (%.0f/s) | |", plannedDates.size(),
              plannedDates.size() / setUpSeconds, plannedDates.size(), bareSetUpSeconds,
              plannedDates.size() / bareSetUpSeconds),
          String.format("| timer jobs waiting for the rituals' days | %,d (one per plan; %,d jobs in the table in all) "
              + "| %,d (one per ritual) | |", kapTimers, jobsInTable, plannedDates.size()),
          dayRow("busiest day", busiest.get(0), "bare engine", kap[0], bareEngine[0]),
          firingRow(kap[0], bareEngine[0]),
          dayRow("second busiest day", busiest.get(1), "KAP", kap[1], bareEngine[1]),
          firingRow(kap[1], bareEngine[1]),
          String.format("| heap after KAP's set-up (after GC) / peak during it | %s / %s | | |",
              mib(heapAfterKapSetUp), mib(peakDuringKapSetUp)),
          String.format("| database | %s | | |", FILE
              ? "H2 file, " + mib(fileAfterKapSetUp) + " after KAP's set-up, " + mib(databaseFileSize()) + " at the end"
              : "H2 in memory"),
          String.format("| heap (one JVM for both) | %s used after both set-ups (after GC), peak sampled %s, max %s | | |",
              mib(heapAfterSetUp), mib(heap.peak()),
              mib(Runtime.getRuntime().maxMemory())),
          "");
    } finally {
      ClockUtil.reset();
      for (JobDefinition definition : managementService.createJobDefinitionQuery().list()) {
        managementService.updateJobSuspensionState().byJobDefinitionId(definition.getId()).activate();
      }
      managementService.createJobQuery().suspended().list() // jobs without a definition
          .forEach(job -> managementService.activateJobById(job.getId()));
      suspendedBefore.forEach(managementService::suspendJobById);
      // the bare engine's instances and their history, in chunks: one cascading deletion of the deployment deletes
      // the history of every instance in a single statement per table, whose IN list H2 checks row by row
      long cleanUp = System.nanoTime();
      List<ProcessInstance> instances;
      while (!(instances = runtimeService.createProcessInstanceQuery().processDefinitionKeyIn(BARE, BARE_PLAN)
          .listPage(0, 1000)).isEmpty()) {
        runtimeService.deleteProcessInstances(instances.stream().map(ProcessInstance::getId).toList(), "benchmark",
            true, true);
      }
      long history = System.nanoTime();
      List<String> finished;
      while (!(finished = historyService.createHistoricProcessInstanceQuery().processDefinitionKeyIn(BARE, BARE_PLAN)
          .listPage(0, 1000).stream().map(HistoricProcessInstance::getId).toList()).isEmpty()) {
        historyService.deleteHistoricProcessInstancesBulk(finished);
      }
      long deployment = System.nanoTime();
      repositoryService.deleteDeployment(bare.getId(), true);
      System.out.printf("BENCHMARK bare engine deleted: instances %.1f s, history %.1f s, deployment %.1f s%n",
          (history - cleanUp) / 1e9, (deployment - history) / 1e9, (System.nanoTime() - deployment) / 1e9);
    }
  }

  private static long databaseFileSize() {
    java.nio.file.Path file = FILE_DIRECTORY.resolve("kap.mv.db");
    try {
      return FILE && java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) : 0;
    } catch (java.io.IOException unreadable) {
      throw new java.io.UncheckedIOException(unreadable);
    }
  }

  private String dayRow(String which, LocalDate day, String first, Firing kap, Firing bare) {
    return String.format("| %s %s (%s, %s fired first): timers due at %s | %,d timers for %,d rituals | %,d timers "
            + "| |", which, day, day.getDayOfWeek().toString().toLowerCase(), first, ritualProperties.dueTime(),
        kap.jobs(), kap.tasks(), bare.jobs());
  }

  private static String firingRow(Firing kap, Firing bare) {
    return String.format("| … until every ritual has its task | %.1f s (%.0f rituals/s) | %.1f s (%.0f rituals/s) "
            + "| %.1f× per ritual |", kap.seconds(), kap.tasksPerSecond(), bare.seconds(), bare.tasksPerSecond(),
        kap.secondsPerTask() / bare.secondsPerTask());
  }

  /** The day most of KAP's waiting timers are due on. */
  private LocalDate busiestDay(List<String> definitions) {
    Map<LocalDate, Long> perDay = new HashMap<>();
    for (String definition : definitions) {
      managementService.createJobQuery().jobDefinitionId(definition).list().forEach(job -> perDay.merge(
          job.getDuedate().toInstant().atZone(calendar.properties().timeZone()).toLocalDate(), 1L, Long::sum));
    }
    return perDay.entrySet().stream()
        .sorted(Map.Entry.<LocalDate, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .findFirst().orElseThrow().getKey();
  }

  private Firing fireKap(List<String> definitions, LocalDate day) throws InterruptedException {
    Date endOfDay = calendar.endOf(day);
    long before = taskService.createTaskQuery().taskDefinitionKey("holdRitual").dueDate(endOfDay).count();
    long rituals = jdbc.queryForObject("select count(*) from kap_ritual_occurrence o where o.cycle_year = ? "
        + "and o.status = 'PLANNED' and o.released_at is null and o.planned_date = ? and o.account_id in (select "
        + "account_id from kap_ritual_occurrence where cycle_year = ? and status = 'PLANNED' and released_at is null "
        + "group by account_id having min(planned_date) = ?)", Long.class, YEAR, java.sql.Date.valueOf(day), YEAR,
        java.sql.Date.valueOf(day));
    Firing firing = fire(definitions, day);
    long tasks = taskService.createTaskQuery().taskDefinitionKey("holdRitual").dueDate(endOfDay).count() - before;
    assertThat(tasks).as("the day's rituals of the plans whose timer came").isEqualTo(rituals);
    return new Firing(firing.jobs(), tasks, firing.seconds());
  }

  private Firing fireBare(List<String> definitions, LocalDate day) throws InterruptedException {
    long before = taskService.createTaskQuery().processDefinitionKey(BARE).count();
    Firing firing = fire(definitions, day);
    assertThat(taskService.createTaskQuery().processDefinitionKey(BARE).count() - before).isEqualTo(firing.jobs());
    return new Firing(firing.jobs(), firing.jobs(), firing.seconds());
  }

  /**
   * Suspends every job (earlier days would be due too, and jobs created by an earlier round), activates the day's
   * timers, moves the clock to their due time and waits until none is left.
   */
  private Firing fire(List<String> definitions, LocalDate day) throws InterruptedException {
    ClockUtil.reset();
    for (JobDefinition definition : managementService.createJobDefinitionQuery().list()) {
      managementService.updateJobSuspensionState().byJobDefinitionId(definition.getId()).suspend();
    }
    managementService.createJobQuery().active().list() // jobs without a definition
        .forEach(job -> managementService.suspendJobById(job.getId()));
    List<String> due = new ArrayList<>();
    for (String definition : definitions) {
      managementService.createJobQuery().jobDefinitionId(definition).duedateHigherThan(dueAt(day.minusDays(1)))
          .duedateLowerThan(dueAt(day.plusDays(1))).list().forEach(job -> due.add(job.getId()));
    }
    due.forEach(managementService::activateJobById);
    ClockUtil.setCurrentTime(new Date(dueAt(day).getTime() + 1000));
    long start = System.nanoTime();
    engine.getJobExecutor().jobWasAdded(); // wake the acquisition from its idle back-off
    long[] polls = {0};
    await("every due timer to fire").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(250)).until(() -> {
      if (++polls[0] % 20 == 0) {
        for (String definition : definitions) {
          Job failed = managementService.createJobQuery().jobDefinitionId(definition).withException().listPage(0, 1)
              .stream().findFirst().orElse(null);
          if (failed != null) {
            throw new AssertionError("a timer failed: " + managementService.getJobExceptionStacktrace(failed.getId()));
          }
        }
      }
      // fired timers are gone; KAP's plans have each set their timer for their next day, not due yet
      return definitions.stream().mapToLong(d -> managementService.createJobQuery().jobDefinitionId(d).active()
          .duedateLowerThan(ClockUtil.getCurrentTime()).count()).sum() == 0;
    });
    return new Firing(due.size(), due.size(), (System.nanoTime() - start) / 1e9);
  }

  /** Nanoseconds spent in each step of the set-up, over all plans: start (to the proposal task), propose, validate. */
  private final long[] stepNanos = new long[3];
  /** Each plan's calendar as the KAM submitted it, for the bare engine's plans. */
  private final List<String> proposals = new ArrayList<>();

  private void plan(String accountId) {
    long t0 = System.nanoTime();
    String instance = runtimeService.startProcessInstanceByKey("ritualPlan", YEAR + "-" + accountId).getId();
    SpinJsonNode rituals = (SpinJsonNode) runtimeService.getVariable(instance, "rituals");
    // participants on every row: the server keeps them for the external rituals only
    rituals.elements().forEach(row -> row.prop("customerParticipants", "Procurement lead"));
    Task propose = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(propose.getTaskDefinitionKey()).isEqualTo("proposeRitualCalendar");
    long t1 = System.nanoTime();
    stepNanos[0] += t1 - t0;
    taskService.complete(propose.getId(), new HashMap<>(Map.of("rituals", rituals,
        "justification", "The cadence as proposed")));
    proposals.add(rituals.toString());
    long t2 = System.nanoTime();
    stepNanos[1] += t2 - t1;
    Task validate = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(validate.getTaskDefinitionKey()).isEqualTo("validateRitualCalendar");
    taskService.complete(validate.getId(), new HashMap<>(Map.of("calendarDecision", "validate")));
    stepNanos[2] += System.nanoTime() - t2;
  }

  /**
   * One bare plan, driven as {@link #plan} drives KAP's: started with the calendar (KAP proposes it on start), the
   * proposal completed with the KAM's calendar and a justification, the validation with its decision; it then waits
   * with one timer for its first day.
   */
  private void barePlan(int i, String calendar) {
    SpinJsonNode rituals = org.camunda.spin.Spin.JSON(calendar);
    String first = rituals.elements().get(0).prop("date").stringValue();
    String instance = runtimeService.startProcessInstanceByKey(BARE_PLAN, "bare-plan-" + i, Variables.createVariables()
        .putValue("rituals", rituals).putValue("due", dueAt(LocalDate.parse(first)))).getId();
    Task propose = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    taskService.complete(propose.getId(), new HashMap<>(Map.of("rituals", rituals,
        "justification", "The cadence as proposed")));
    Task validate = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    taskService.complete(validate.getId(), new HashMap<>(Map.of("calendarDecision", "validate")));
  }

  private List<String> jobDefinitions(String processDefinitionKey, String activityId) {
    List<String> ids = managementService.createJobDefinitionQuery().processDefinitionKey(processDefinitionKey)
        .activityIdIn(activityId).list().stream().map(JobDefinition::getId).toList();
    assertThat(ids).isNotEmpty();
    return ids;
  }

  private Date dueAt(LocalDate day) {
    return Date.from(day.atTime(ritualProperties.dueTime()).atZone(calendar.properties().timeZone()).toInstant());
  }

  private static String accountId(int i) {
    return "RIT-" + i;
  }
}
