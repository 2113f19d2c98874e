package com.kap.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.forms.FormValues;
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

  static final int LONG_TEXT = 10_000;
  static final int SHORT_TEXT = 500;
  static final int MAX_ENTRIES = 100;

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private PlanForm() {}

  public static PlanContent read(VariableScope scope) {
    FormValues values = FormValues.of(scope);
    return new PlanContent(
        values.text("customerSituation", false, LONG_TEXT),
        values.text("customerStrategy", false, LONG_TEXT),
        values.text("strengths", false, LONG_TEXT),
        values.text("vulnerabilities", false, LONG_TEXT),
        entries(values, "objectives", (e, path) -> new PlanContent.Objective(
            FormValues.choice(e, path, "type", PlanContent.OBJECTIVE_TYPES, true),
            FormValues.text(e, path, "description", true, SHORT_TEXT),
            FormValues.text(e, path, "metric", false, SHORT_TEXT),
            FormValues.text(e, path, "baseline", false, SHORT_TEXT),
            FormValues.text(e, path, "target", false, SHORT_TEXT),
            FormValues.date(e, path, "dueDate", false))),
        values.text("strategies", false, LONG_TEXT),
        entries(values, "actions", (e, path) -> new PlanContent.Action(
            FormValues.text(e, path, "action", true, SHORT_TEXT),
            FormValues.text(e, path, "owner", true, SHORT_TEXT),
            FormValues.date(e, path, "dueDate", true))),
        entries(values, "risks", (e, path) -> new PlanContent.Risk(
            FormValues.text(e, path, "risk", true, SHORT_TEXT),
            FormValues.choice(e, path, "likelihood", PlanContent.LIKELIHOODS, true),
            FormValues.text(e, path, "mitigation", false, SHORT_TEXT))),
        entries(values, "trainingNeeds", (e, path) -> new PlanContent.TrainingNeed(
            FormValues.choice(e, path, "forWhom", PlanContent.TRAINING_AUDIENCES, true),
            FormValues.text(e, path, "need", true, SHORT_TEXT))),
        values.text("sponsorTouchpoints", false, LONG_TEXT));
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
  }

  /** Empty lists, so that the form's lists start with no half-filled rows. */
  public static void writeEmptyLists(VariableScope scope) {
    for (String list : List.of("objectives", "actions", "risks", "trainingNeeds")) {
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
  static Object json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> List<T> entries(FormValues values, String field,
      BiFunction<Map<String, Object>, String, T> read) {
    List<Map<String, Object>> raw = values.objectList(field);
    if (raw.size() > MAX_ENTRIES) {
      throw new com.kap.forms.InvalidFormData(field, "may hold at most " + MAX_ENTRIES + " entries");
    }
    List<T> result = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Map<String, Object> entry = raw.get(i) == null ? new LinkedHashMap<>() : raw.get(i);
      result.add(read.apply(entry, field + "[" + i + "]"));
    }
    return result;
  }
}
