package com.kap.forms;

import java.util.Optional;
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

  public InvalidFormData(String field, String problem) {
    super(field, field + ": " + problem);
    this.field = field;
    this.problem = problem;
    this.label = FormLabels.describe(FormLabels.currentFormId(), field);
  }

  public String field() {
    return field;
  }

  /** What a person reads: the field's label, then the problem. */
  public String forPeople() {
    return label + ": " + problem;
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
