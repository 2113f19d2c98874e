package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.PortfolioImportService;
import com.kap.portfolio.internal.CycleSegmentRepository;
import com.kap.support.AsUser;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The programme director's Tasklist with 10,000 open plans waiting for approval: the requests Tasklist 7.24 sends
 * when it opens (its filter list) and when a filter is chosen (the first page with the filter's count and the
 * columns' variables), timed over a real webapp session as {@code diane}; the same requests against a bare
 * one-user-task process with as many tasks in the same run, and the same filter queries in-process through the
 * FilterService: {@code ./mvnw -B -o -Pbenchmark test -Dtest=TasklistFiltersBenchmark}
 * ({@code -Dkap.benchmark.accounts=1000} for a smaller state). Demo profile, job executor on, H2 in memory.
 */
@KapTest
class TasklistFiltersBenchmark {

  private static final int ACCOUNTS = Integer.getInteger("kap.benchmark.accounts", 10_000);
  private static final int WARM_UP = Integer.getInteger("kap.tasklist.warmUp", 5);
  private static final int REPETITIONS = Integer.getInteger("kap.tasklist.repetitions", 30);
  private static final int YEAR = 2096;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tasklist 7.24 (camunda-tasklist-bootstrap.js): the number of filters, then the filters without counts. */
  static final String FILTER_COUNT = "/api/engine/engine/default/filter/count?itemCount=false&resourceType=Task";
  static final String FILTER_LIST =
      "/api/engine/engine/default/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task";
  /** The same list with every filter's count, which Tasklist 7.24 no longer asks for (the request). */
  static final String FILTER_LIST_WITH_COUNTS =
      "/api/engine/engine/default/filter?resourceType=Task&itemCount=true&maxResults=2000";
  /** The first page of a filter, as Tasklist posts it (taskListQuery, without its id), sorted by creation. */
  static final String FIRST_PAGE_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],"
      + "\"active\":true}";
  private static final List<String> COLUMNS = List.of("accountName", "segment", "year");

  @LocalServerPort int port;
  @Autowired PortfolioImportService importService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired CycleSegmentRepository cycleSegments;
  @Autowired JdbcTemplate jdbc;

  @Test
  void programmeDirectorsTasklistWithTenThousandPlansToApprove() throws Exception {
    List<String> rows = new ArrayList<>();

    // the bare engine first, on tables without KAP's plans: as many tasks for the programme directors' group
    int tasks = ACCOUNTS + 24;
    long t0 = System.nanoTime();
    List<String> bareInstances = startBareTasks(tasks);
    Filter bareFilter = filterService.newTaskFilter("Bare approvals")
        .setQuery(taskService.createTaskQuery().taskDefinitionKey("bareApprove"))
        .setProperties(Map.of("priority", 1, "description", "Bare approvals", "refresh", true, "variables",
            COLUMNS.stream().map(name -> Map.of("name", name, "label", name)).toList()));
    filterService.saveFilter(bareFilter);
    Authorization bareRead = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    bareRead.setGroupId(Roles.PROGRAMME_DIRECTOR);
    bareRead.setResource(Resources.FILTER);
    bareRead.setResourceId(bareFilter.getId());
    bareRead.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(bareRead);
    report("", "### Tasklist as the programme director: bare engine, " + tasks + " tasks to approve (set up in "
        + seconds(System.nanoTime() - t0) + ")", "");
    measure("bare", bareFilter.getId(), "bareApprove", tasks, rows);
    filterService.deleteFilter(bareFilter.getId()); // and its authorizations
    runtimeService.deleteProcessInstances(bareInstances, "benchmark", true, true);

    // KAP: 10,000 accounts and the demo's 24, every plan drafted (and reviewed by its sponsor) until it waits for
    // the programme director's approval
    long t1 = System.nanoTime();
    long plans = plansWaitingForApproval();
    String plansToApprove = filterService.createFilterQuery().filterName("Plans to approve").singleResult().getId();
    report("", "### Tasklist as the programme director: KAP, " + plans + " plans to approve (set up in "
        + seconds(System.nanoTime() - t1) + ")", "");
    measure("KAP", plansToApprove, "approveAccountPlan", plans, rows);
    report("", "#### Both", "", HEADER[0], HEADER[1]);
    report(rows.toArray(String[]::new));
  }

  /** Times Tasklist's requests as diane (and the filter's queries in-process), and checks what they answer. */
  private static final String[] HEADER = {"| request | setting | median | p95 | max | count / size |",
      "|---|---|---|---|---|---|"};

  private void measure(String setting, String busiestFilter, String taskKey, long expected, List<String> all)
      throws Exception {
    report(HEADER);
    List<String> rows = new ArrayList<>() {
      @Override
      public boolean add(String row) {
        try {
          report(row);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        all.add(row);
        return super.add(row);
      }
    };
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("diane", "demo", "tasklist")).isEqualTo(200);
    String myGroupsTasks = filterService.createFilterQuery().filterName("My group's tasks").singleResult().getId();
    long groupTasks = taskService.createTaskQuery().taskCandidateGroup(Roles.PROGRAMME_DIRECTOR).taskUnassigned()
        .count();

    Timed count = time(() -> tasklist.getAsWebapp(FILTER_COUNT));
    int filters = JSON.readTree(count.body).get("count").asInt();
    rows.add(count.row("`GET filter/count?itemCount=false` (Tasklist, 1 of 2)", setting, filters + " filters"));

    Timed list = time(() -> tasklist.getAsWebapp(FILTER_LIST));
    assertThat(JSON.readTree(list.body).size()).isEqualTo(filters);
    rows.add(list.row("`GET filter?…itemCount=false` (Tasklist, 2 of 2)", setting, filters + " filters"));

    Timed withCounts = time(() -> tasklist.getAsWebapp(FILTER_LIST_WITH_COUNTS));
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JsonNode filter : JSON.readTree(withCounts.body)) {
      counts.put(filter.get("name").asText(), filter.get("itemCount").asLong());
    }
    assertThat(counts.get("My group's tasks")).isEqualTo(groupTasks);
    rows.add(withCounts.row("`GET filter?…itemCount=true` (every filter's count)", setting, counts.toString()));

    for (String filter : List.of(busiestFilter, myGroupsTasks)) {
      String name = filterService.getFilter(filter).getName();
      Timed page = time(() -> tasklist.postJsonAsWebapp("/api/engine/engine/default/filter/" + filter
          + "/list?firstResult=0&maxResults=15", FIRST_PAGE_BODY));
      JsonNode answer = JSON.readTree(page.body);
      long total = answer.get("count").asLong();
      JsonNode embeddedTasks = answer.get("_embedded").get("task");
      assertThat(embeddedTasks.size()).isEqualTo(15);
      assertThat(embeddedTasks.get(0).get("_embedded").get("variable").size())
          .as("the columns' variables of the first task").isEqualTo(COLUMNS.size());
      if (filter.equals(busiestFilter)) {
        assertThat(total).isEqualTo(taskService.createTaskQuery().taskDefinitionKey(taskKey).count());
        assertThat(total).isGreaterThanOrEqualTo(expected);
      } else {
        assertThat(total).isEqualTo(groupTasks);
      }
      rows.add(page.row("`POST filter/{id}/list?firstResult=0&maxResults=15`, \"" + name + "\" (HAL, columns)",
          setting, total + " tasks, " + page.body.length() / 1024 + " KiB"));

      Timed engineCount = time(() -> asDiane(() -> String.valueOf(filterService.count(filter))));
      rows.add(engineCount.row("in-process as diane `FilterService.count`, \"" + name + "\"", setting,
          engineCount.body));
      Timed enginePage = time(() -> asDiane(() -> {
        List<Task> first = filterService.listPage(filter, taskService.createTaskQuery().orderByTaskCreateTime().desc(),
            0, 15);
        List<String> scopes = new ArrayList<>();
        first.forEach(task -> {
          scopes.add(task.getId());
          scopes.add(task.getExecutionId());
        });
        List<VariableInstance> variables = runtimeService.createVariableInstanceQuery()
            .variableNameIn(COLUMNS.toArray(String[]::new)).variableScopeIdIn(scopes.toArray(String[]::new))
            .listPage(0, 1000);
        return first.size() + " tasks, " + variables.size() + " variables";
      }));
      rows.add(enginePage.row("in-process as diane `FilterService.listPage` (15) + the columns' variables, \""
          + name + "\"",
          setting, enginePage.body));
    }
  }

  private <T> T asDiane(Supplier<T> call) {
    return AsUser.call(identityService, "diane", Roles.PROGRAMME_DIRECTOR, call);
  }

  /** A one-user-task process for the programme directors' group, its tasks with KAP's three column variables. */
  private List<String> startBareTasks(int count) {
    repositoryService.createDeployment().addModelInstance("bareTasklist.bpmn",
        Bpmn.createExecutableProcess("bareTasklist").camundaHistoryTimeToLive(1).startEvent()
            .userTask("bareApprove").camundaCandidateGroups(Roles.PROGRAMME_DIRECTOR).endEvent().done()).deploy();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      instances.add(runtimeService.startProcessInstanceByKey("bareTasklist", "bare-" + i, Map.of(
          "accountName", "Bare account " + i, "segment", "Streamline", "year", YEAR)).getId());
    }
    return instances;
  }

  /** Imports the portfolio, runs the cycle's fan-out and completes every draft and sponsor review. */
  private long plansWaitingForApproval() throws Exception {
    importService.importCsv(BenchmarkSupport.pyramidPortfolio("TL-", ACCOUNTS));
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("annualPlanningCycle")
        .latestVersion().singleResult().getId();
    String cycle = asDiane(() -> formService.submitStartForm(definition, new HashMap<>(Map.of(
        "year", YEAR, "planDeadline", (YEAR - 1) + "-12-15", "closingDate", YEAR + "-03-31"))).getId());
    await("the validation task").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(250))
        .until(() -> taskService.createTaskQuery().processInstanceId(cycle).count() == 1);
    String validation = taskService.createTaskQuery().processInstanceId(cycle).singleResult().getId();
    asDiane(() -> {
      taskService.complete(validation);
      return null;
    });
    long plans = cycleSegments.findByYear(YEAR).size();
    await(plans + " plans to draft").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(250)).until(() -> plansAt("draftAccountPlan") == plans);
    Map<String, Object> plan = goodPlan();
    for (String key : List.of("draftAccountPlan", "reviewPlanAsSponsor")) {
      for (Task task : taskService.createTaskQuery().taskDefinitionKey(key)
          .processInstanceBusinessKeyLike(YEAR + "-%").list()) {
        taskService.complete(task.getId(), new HashMap<>(key.equals("draftAccountPlan") ? plan
            : Map.of("sponsorComments", "Agreed")));
      }
    }
    await(plans + " plans to approve").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(250))
        .until(() -> plansAt("approveAccountPlan") == plans);
    return plans;
  }

  private long plansAt(String taskKey) {
    return taskService.createTaskQuery().taskDefinitionKey(taskKey).processInstanceBusinessKeyLike(YEAR + "-%")
        .count();
  }

  /** A plan that passes the quality gate, as {@code CycleForms.goodPlan()} submits it through a form. */
  private static Map<String, Object> goodPlan() {
    Map<String, Object> plan = new HashMap<>();
    plan.put("customerSituation", "Consolidating suppliers");
    plan.put("customerStrategy", "Outcome-based contracts");
    plan.put("strengths", "Reliability");
    plan.put("vulnerabilities", "Price");
    plan.put("strategies", "Value pricing");
    plan.put("sponsorTouchpoints", "Quarterly top-to-top");
    plan.put("objectives", Spin.JSON("[{\"type\":\"profitability\",\"description\":\"Lift margin\","
        + "\"metric\":\"GM\",\"baseline\":\"24%\",\"target\":\"27%\",\"dueDate\":\"" + YEAR + "-12-31\"}]"));
    plan.put("actions", Spin.JSON("[{\"action\":\"Workshop\",\"owner\":\"diane\",\"dueDate\":\"" + YEAR + "-03-31\"}]"));
    plan.put("risks", Spin.JSON("[{\"risk\":\"Competitor\",\"likelihood\":\"medium\"}]"));
    plan.put("trainingNeeds", Spin.JSON("[{\"forWhom\":\"kam\",\"need\":\"Value selling\"}]"));
    plan.put("stakeholders", Spin.JSON(com.kap.support.CycleForms.STAKEHOLDERS));
    return plan;
  }

  /** Runs the call {@link #WARM_UP} times, then times {@link #REPETITIONS} calls; keeps the last answer. */
  private Timed time(ThrowingSupplier<Object> call) throws Exception {
    Object last = null;
    for (int i = 0; i < WARM_UP; i++) {
      touchTaskTable();
      last = call.get();
    }
    long[] nanos = new long[REPETITIONS];
    for (int i = 0; i < REPETITIONS; i++) {
      touchTaskTable();
      long start = System.nanoTime();
      last = call.get();
      nanos[i] = System.nanoTime() - start;
      if (last instanceof HttpResponse<?> response) {
        assertThat(response.statusCode()).as(String.valueOf(response.body())).isEqualTo(200);
      }
    }
    Arrays.sort(nanos);
    String body = last instanceof HttpResponse<?> response ? String.valueOf(response.body()) : String.valueOf(last);
    return new Timed(nanos, body);
  }

  /**
   * Writes to the task table (changing nothing) before each call, untimed: H2 answers a statement it ran last on the
   * same connection with the same parameters from that result while no table it reads has changed, which a real
   * Tasklist, with tasks coming and going, cannot count on.
   */
  private void touchTaskTable() {
    jdbc.update("update ACT_RU_TASK set PRIORITY_ = PRIORITY_ where ID_ = (select min(ID_) from ACT_RU_TASK)");
  }

  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  record Timed(long[] sortedNanos, String body) {

    String row(String request, String setting, String result) {
      int n = sortedNanos.length;
      return "| " + request + " | " + setting + " | " + ms(sortedNanos[(n - 1) / 2]) + " | "
          + ms(sortedNanos[(int) Math.ceil(0.95 * n) - 1]) + " | " + ms(sortedNanos[n - 1]) + " | " + result + " |";
    }

    private static String ms(long nanos) {
      return String.format("%,.1f ms", nanos / 1e6);
    }
  }

  private static String seconds(long nanos) {
    return String.format("%.1f s", nanos / 1e9);
  }
}
