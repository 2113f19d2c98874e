package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.kap.platform.forms.InvalidFormData;
import com.kap.support.Api;
import com.kap.support.AsUser;
import com.kap.support.ProcessTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * recordTraining on the running application, every path: a session recorded with the starter as its recorder (a
 * variable claiming another recorder changes nothing), the year's sessions in the order delivered; each refusal of
 * the start form, every problem at once and by the form's labels, leaving nothing behind.
 */
@ProcessTest
class RecordTrainingProcessTest {

  private static final int YEAR = 2151;
  private static final int REFUSALS_YEAR = 2152;

  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired TrainingRecords training;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void cycles() {
    TrainingYears.cycle(new Api(rest), YEAR);
    TrainingYears.cycle(new Api(rest), REFUSALS_YEAR);
    // late in the year: the sessions were delivered before today
    ClockUtil.setCurrentTime(Date.from(Instant.parse(REFUSALS_YEAR + "-12-01T10:00:00Z")));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void theTrainingCoordinatorRecordsSessionsWithHerselfAsRecorder() {
    int before = training.ofYear(YEAR).size();
    ProcessInstance later = start("hana", "training-coordinator", session(YEAR, "Negotiation for account teams",
        "team", YEAR + "-09-14", 3, "chen, bruno", "ACC-001", null));
    Map<String, Object> claimingAnother = session(YEAR, "Value selling", "kam", YEAR + "-03-02", 1.5,
        "alice, bruno, alice", "ACC-003, ACC-009", "Trainer: external, material on the intranet");
    claimingAnother.put("recordedBy", "mallory"); // the guard refuses such a variable over REST; here it is ignored
    ProcessInstance earlier = start("hana", "training-coordinator", claimingAnother);

    assertThat(earlier).hasPassedInOrder("trainingDelivered", "recordTrainingSession", "trainingRecorded").isEnded();
    assertThat(later).isEnded();
    List<TrainingSession> sessions = training.ofYear(YEAR);
    assertThat(sessions).hasSize(before + 2);
    TrainingSession valueSelling = sessions.stream().filter(s -> s.title().equals("Value selling")).findFirst()
        .orElseThrow();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(earlier.getId()).singleResult()
        .getBusinessKey()).isEqualTo("training-" + valueSelling.sessionNo());
    assertThat(valueSelling.year()).isEqualTo(YEAR);
    assertThat(valueSelling.audience()).isEqualTo("kam");
    assertThat(valueSelling.deliveredOn()).isEqualTo(LocalDate.of(YEAR, 3, 2));
    assertThat(valueSelling.hours()).isEqualByComparingTo("1.5");
    assertThat(valueSelling.participants()).containsExactly("alice", "bruno");
    assertThat(valueSelling.accountIds()).containsExactly("ACC-003", "ACC-009");
    assertThat(valueSelling.notes()).isEqualTo("Trainer: external, material on the intranet");
    assertThat(valueSelling.recordedBy()).isEqualTo("hana");
    assertThat(valueSelling.recordedAt()).isNotNull();
    // by the day delivered, whatever the order recorded
    List<String> titles = sessions.stream().map(TrainingSession::title).toList();
    assertThat(titles.indexOf("Value selling")).isLessThan(titles.indexOf("Negotiation for account teams"));
    assertThat(sessions).extracting(TrainingSession::deliveredOn).isSorted();

    TrainingSession negotiation = sessions.get(titles.indexOf("Negotiation for account teams"));
    assertThat(negotiation.notes()).isNull();
    assertThat(negotiation.hours()).isEqualByComparingTo(BigDecimal.valueOf(3));
    assertThat(negotiation.participants()).containsExactly("bruno", "chen");
  }

  @Test
  void theProgrammeDirectorMayRecordToo() {
    ProcessInstance recorded = start("diane", "programme-director", session(YEAR, "Executive sponsor briefing",
        "sponsor", YEAR + "-05-20", 2, "gilles", "", ""));
    assertThat(recorded).isEnded();
    TrainingSession briefing = training.ofYear(YEAR).stream()
        .filter(s -> s.title().equals("Executive sponsor briefing")).findFirst().orElseThrow();
    assertThat(briefing.recordedBy()).isEqualTo("diane");
    assertThat(briefing.accountIds()).isEmpty();
    assertThat(briefing.notes()).isNull();
  }

  @Test
  void aRefusedStartNamesEveryProblemByItsLabelAndLeavesNothing() {
    long instances = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("recordTraining")
        .count();
    int stored = jdbc.queryForObject("select count(*) from kap_training_session", Integer.class);

    InvalidFormData everything = refused(session(2155, "", "everyone", REFUSALS_YEAR + "-01-10", 0, "alice, nobody1, nobody2",
        "ACC-003, ACC-999", null));
    assertThat(everything.forPeople()).isEqualTo("6 problems to correct: "
        + "1) Cycle year: no planning cycle for 2155: training is recorded for a cycle's year; "
        + "2) Training: is required; "
        + "3) Audience: must be one of [kam, team, sponsor, seniorManagement], was 'everyone'; "
        + "4) Duration in hours: must be more than 0 and at most 100, was 0; "
        + "5) Participants: not KAP users: nobody1, nobody2 (give their logins, e.g. alice); "
        + "6) Accounts it serves: unknown accounts: ACC-999");

    InvalidFormData outOfYear = refused(session(REFUSALS_YEAR, "Value selling", "kam", (REFUSALS_YEAR - 1)
        + "-12-31", 101, "", null, null));
    assertThat(outOfYear.forPeople()).isEqualTo("3 problems to correct: "
        + "1) Delivered on: must be a day of " + REFUSALS_YEAR + ", was 12/31/" + (REFUSALS_YEAR - 1) + "; "
        + "2) Duration in hours: must be from 0 to 100, was 101; "
        + "3) Participants: name at least one KAP user who attended");

    InvalidFormData future = refused(session(REFUSALS_YEAR, "Value selling", "kam", REFUSALS_YEAR + "-12-02", 1,
        "alice", null, null));
    assertThat(future.forPeople()).isEqualTo("Delivered on: must not be in the future, was 12/02/" + REFUSALS_YEAR);

    Map<String, Object> missing = new HashMap<>();
    InvalidFormData nothing = refused(missing);
    assertThat(nothing.forPeople()).startsWith("6 problems to correct: 1) Cycle year: is required").contains(
        "Training: is required", "Audience: is required", "Delivered on: is required",
        "Duration in hours: is required", "Participants: name at least one KAP user who attended");

    InvalidFormData markup = refused(session(REFUSALS_YEAR, "<script>x</script>", "kam", REFUSALS_YEAR + "-06-01",
        1, "alice", null, null));
    assertThat(markup.forPeople()).startsWith("Training: must not contain markup");

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("recordTraining").count())
        .as("a refused start leaves no instance").isEqualTo(instances);
    assertThat(jdbc.queryForObject("select count(*) from kap_training_session", Integer.class))
        .as("nor a session").isEqualTo(stored);
    assertThat(training.ofYear(REFUSALS_YEAR)).isEmpty();
  }

  @Test
  void theServiceChecksTypedSessionsAlike() {
    assertThatThrownBy(() -> training.record(RecordTrainingSession.of(REFUSALS_YEAR, "Value selling", "kam",
        LocalDate.of(REFUSALS_YEAR, 6, 1), new BigDecimal("1.555"), List.of("alice"), List.of(), null, "hana")))
        .isInstanceOfSatisfying(InvalidFormData.class, refused -> assertThat(refused.forPeople())
            .isEqualTo("Duration in hours: must have at most 2 decimals, was 1.555"));
    assertThatThrownBy(() -> training.record(RecordTrainingSession.of(REFUSALS_YEAR, "Value selling", "kam",
        LocalDate.of(REFUSALS_YEAR, 6, 1), BigDecimal.ONE, List.of("alice"), List.of(), null, null)))
        .as("nobody signed in").isInstanceOf(IllegalArgumentException.class);
    assertThat(training.ofYear(REFUSALS_YEAR)).isEmpty();
  }

  private static Map<String, Object> session(int year, String title, String audience, String deliveredOn,
      Number hours, String participants, String accountIds, String notes) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("year", year);
    variables.put("title", title);
    variables.put("audience", audience);
    variables.put("deliveredOn", deliveredOn);
    variables.put("hours", hours);
    variables.put("participants", participants);
    if (accountIds != null) {
      variables.put("accountIds", accountIds);
    }
    if (notes != null) {
      variables.put("notes", notes);
    }
    return variables;
  }

  private ProcessInstance start(String user, String group, Map<String, Object> variables) {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("recordTraining")
        .latestVersion().singleResult().getId();
    return AsUser.call(identityService, user, group, () -> formService.submitStartForm(definitionId, variables));
  }

  private InvalidFormData refused(Map<String, Object> variables) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> start("hana", "training-coordinator",
        variables));
    assertThat(thrown).isNotNull();
    return InvalidFormData.in(thrown).orElseThrow(() -> new AssertionError("not a form refusal", thrown));
  }
}
