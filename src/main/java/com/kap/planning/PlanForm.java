package com.kap.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.planning.internal.StakeholderRules;
import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The variables of the draftAccountPlan form, read and checked on the server (wrong types, unknown options, bad
 * dates and over-long text are refused with the field named), and written back to pre-fill a draft.
 */
public final class PlanForm {

  public static final int LONG_TEXT = 10_000;
  public static final int SHORT_TEXT = 500;
  public static final int MAX_ENTRIES = 100;
  /** A stakeholder's name, title or the name they report to. */
  public static final int NAME_TEXT = 200;

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private PlanForm() {}

  /** @throws com.kap.platform.forms.InvalidFormData naming every problem of the submission at once */
  public static PlanContent read(VariableScope scope) {
    return read(scope, null);
  }

  /**
   * Reads and checks the plan, and that every action's owner is one of {@code owners} (the account's team; null:
   * not checked).
   *
   * @throws com.kap.platform.forms.InvalidFormData naming every problem of the submission at once
   */
  public static PlanContent read(VariableScope scope, java.util.Set<String> owners) {
    FormValues values = FormValues.of(scope);
    FormProblems problems = new FormProblems();
    PlanContent plan = new PlanContent(
        checked(problems, () -> values.text("customerSituation", false, LONG_TEXT)),
        checked(problems, () -> values.text("customerStrategy", false, LONG_TEXT)),
        checked(problems, () -> values.text("strengths", false, LONG_TEXT)),
        checked(problems, () -> values.text("vulnerabilities", false, LONG_TEXT)),
        entries(values, "objectives", problems, (e, path) -> new PlanContent.Objective(
            checked(problems, () -> FormValues.choice(e, path, "type", PlanContent.OBJECTIVE_TYPES, true)),
            checked(problems, () -> FormValues.text(e, path, "description", true, SHORT_TEXT)),
            checked(problems, () -> FormValues.text(e, path, "metric", false, SHORT_TEXT)),
            checked(problems, () -> FormValues.text(e, path, "baseline", false, SHORT_TEXT)),
            checked(problems, () -> FormValues.text(e, path, "target", false, SHORT_TEXT)),
            checked(problems, () -> FormValues.date(e, path, "dueDate", false)))),
        checked(problems, () -> values.text("strategies", false, LONG_TEXT)),
        entries(values, "actions", problems, (e, path) -> new PlanContent.Action(
            checked(problems, () -> FormValues.text(e, path, "action", true, SHORT_TEXT)),
            checked(problems, () -> owner(FormValues.text(e, path, "owner", true, SHORT_TEXT), path, owners)),
            checked(problems, () -> FormValues.date(e, path, "dueDate", true)))),
        entries(values, "risks", problems, (e, path) -> new PlanContent.Risk(
            checked(problems, () -> FormValues.text(e, path, "risk", true, SHORT_TEXT)),
            checked(problems, () -> FormValues.choice(e, path, "likelihood", PlanContent.LIKELIHOODS, true)),
            checked(problems, () -> FormValues.text(e, path, "mitigation", false, SHORT_TEXT)))),
        entries(values, "trainingNeeds", problems, (e, path) -> new PlanContent.TrainingNeed(
            checked(problems, () -> FormValues.choice(e, path, "forWhom", PlanContent.TRAINING_AUDIENCES, true)),
            checked(problems, () -> FormValues.text(e, path, "need", true, SHORT_TEXT)))),
        checked(problems, () -> values.text("sponsorTouchpoints", false, LONG_TEXT)),
        entries(values, "stakeholders", problems, (e, path) -> new PlanContent.Stakeholder(
            checked(problems, () -> FormValues.text(e, path, "name", true, NAME_TEXT)),
            checked(problems, () -> FormValues.text(e, path, "title", false, NAME_TEXT)),
            checked(problems, () -> FormValues.choice(e, path, "buyingRole", PlanContent.BUYING_ROLES, true)),
            checked(problems, () -> FormValues.choice(e, path, "influence", PlanContent.INFLUENCE_LEVELS, true)),
            checked(problems, () -> FormValues.choice(e, path, "attitude", PlanContent.ATTITUDES, true)),
            checked(problems, () -> owner(FormValues.text(e, path, "owner", false, SHORT_TEXT), path, owners)),
            checked(problems, () -> FormValues.text(e, path, "reportsTo", false, NAME_TEXT)))));
    // the list as a whole: each name once, each "reports to" another stakeholder of it, no circle
    StakeholderRules.problems(plan.stakeholders()).forEach(problem ->
        problems.add(new com.kap.platform.forms.InvalidFormData(problem.path(), problem.problem())));
    problems.throwIfAny();
    return plan;
  }

  private static String owner(String owner, String path, java.util.Set<String> owners) {
    if (owner != null && owners != null && !owners.contains(owner)) {
      throw new com.kap.platform.forms.InvalidFormData(path + ".owner", Problem.of("owner.notOnTeam", owner));
    }
    return owner;
  }

  /** One field's value, or null with its problem kept for the refusal that lists them all. */
  private static <T> T checked(FormProblems problems, java.util.function.Supplier<T> field) {
    return problems.check(field).orElse(null);
  }

  /** Puts a plan's content into the form's variables, e.g. last year's approved plan into a new draft. */
  public static void write(PlanContent plan, VariableScope scope) {
    scope.setVariable("customerSituation", plan.customerSituation());
    scope.setVariable("customerStrategy", plan.customerStrategy());
    scope.setVariable("strengths", plan.strengths());
    scope.setVariable("vulnerabilities", plan.vulnerabilities());
    scope.setVariable("objectives", json(plan.objectives()));
    scope.setVariable("strategies", plan.strategies());
    scope.setVariable("actions", json(plan.actions()));
    scope.setVariable("risks", json(plan.risks()));
    scope.setVariable("trainingNeeds", json(plan.trainingNeeds()));
    scope.setVariable("sponsorTouchpoints", plan.sponsorTouchpoints());
    scope.setVariable("stakeholders", json(plan.stakeholders()));
  }

  /** Empty lists, so that the form's lists start with no half-filled rows. */
  public static void writeEmptyLists(VariableScope scope) {
    for (String list : List.of("objectives", "actions", "risks", "trainingNeeds", "stakeholders")) {
      scope.setVariable(list, json(List.of()));
    }
  }

  public static String toJson(PlanContent plan) {
    try {
      return JSON.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static PlanContent fromJson(String json) {
    try {
      return JSON.readValue(json, PlanContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored plan is not readable", e);
    }
  }

  /** A Json variable as Tasklist's forms read and submit lists; dates as yyyy-MM-dd. */
  public static Object json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> List<T> entries(FormValues values, String field, FormProblems problems,
      BiFunction<Map<String, Object>, String, T> read) {
    List<Map<String, Object>> raw = problems.check(() -> {
      List<Map<String, Object>> list = values.objectList(field);
      if (list.size() > MAX_ENTRIES) {
        throw new com.kap.platform.forms.InvalidFormData(field, Problem.of("maxEntries", MAX_ENTRIES));
      }
      return list;
    }).orElse(List.of());
    List<T> result = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Map<String, Object> entry = raw.get(i) == null ? new LinkedHashMap<>() : raw.get(i);
      String path = field + "[" + i + "]";
      result.add(read.apply(entry, path)); // each field of the row runs through problems.check
    }
    return result;
  }
}
