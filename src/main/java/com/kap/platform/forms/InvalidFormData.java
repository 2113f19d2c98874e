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
  private final String label;
  private final List<InvalidFormData> all;

  public InvalidFormData(String field, String problem) {
    this(FormLabels.currentFormId(), field, problem);
  }

  /** A refusal of a field of the given form, where the engine is not working on its element (yet). */
  public InvalidFormData(String formId, String field, String problem) {
    super(field, field + ": " + problem);
    this.field = field;
    this.problem = problem;
    this.label = FormLabels.describe(formId, field);
    this.all = List.of(this);
  }

  private InvalidFormData(List<InvalidFormData> problems) {
    super(problems.get(0).field, problems.stream().map(InvalidFormData::getMessage).collect(Collectors.joining("; ")));
    this.field = problems.get(0).field;
    this.problem = problems.get(0).problem;
    this.label = problems.get(0).label;
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
    if (all.size() == 1) {
      return label + ": " + problem;
    }
    StringBuilder text = new StringBuilder(all.size() + " problems to correct: ");
    for (int i = 0; i < all.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(all.get(i).label).append(": ")
          .append(all.get(i).problem);
    }
    return text.toString();
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
