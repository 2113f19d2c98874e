package com.kap.platform.forms;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Submitted form data the server refuses. Thrown from a listener or delegate, it rolls the start or completion back
 * (the task stays open). It is Camunda's own form field validation exception. Its message names the field's path
 * ({@code actions[1].owner}) for logs and tests; people get {@link #forPeople()}, which names the field by the label
 * of the form it was typed into ("Action plan, row 2: Owner"): /engine-rest and Tasklist's API answer 400 with it.
 */
public class InvalidFormData extends FormFieldValidationException {

  private final String field;
  private final String problem;
  private final String formId;
  private final List<InvalidFormData> all;

  public InvalidFormData(String field, String problem) {
    this(FormLabels.currentFormId(), field, problem);
  }

  /** A refusal of a field of the given form, where the engine is not working on its element (yet). */
  public InvalidFormData(String formId, String field, String problem) {
    super(field, field + ": " + problem);
    this.field = field;
    this.problem = problem;
    this.formId = formId;
    this.all = List.of(this);
  }

  private InvalidFormData(List<InvalidFormData> problems) {
    super(problems.get(0).field, problems.stream().map(InvalidFormData::getMessage).collect(Collectors.joining("; ")));
    this.field = problems.get(0).field;
    this.problem = problems.get(0).problem;
    this.formId = problems.get(0).formId;
    this.all = List.copyOf(problems);
  }

  /** Every problem of a submission at once: a person corrects them all in one go. */
  public static InvalidFormData all(List<InvalidFormData> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problem to report");
    }
    return problems.size() == 1 ? problems.get(0)
        : new InvalidFormData(problems.stream().flatMap(p -> p.all.stream()).toList());
  }

  public String field() {
    return field;
  }

  /** What a person reads: each field's label, then its problem; several problems numbered, in the form's order. */
  public String forPeople() {
    return forPeople(FormLabels.language());
  }

  /**
   * What a person reads in the language: the fields are named by the labels of their form in that language (the
   * problems themselves are written in the code, in English).
   */
  public String forPeople(java.util.Locale locale) {
    if (all.size() == 1) {
      return label(locale) + ": " + problem;
    }
    StringBuilder text = new StringBuilder(java.text.MessageFormat.format(
        FormLabels.text(locale, "form.problems", "{0} problems to correct: "), String.valueOf(all.size())));
    for (int i = 0; i < all.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(all.get(i).label(locale))
          .append(": ").append(all.get(i).problem);
    }
    return text.toString();
  }

  /** The field as its form labels it in the language. */
  public String label(java.util.Locale locale) {
    return FormLabels.describe(formId, field, locale);
  }

  /** The refusal among an exception's causes, as Camunda and Jersey wrap it. */
  public static Optional<InvalidFormData> in(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidFormData refused) {
        return Optional.of(refused);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }
}
