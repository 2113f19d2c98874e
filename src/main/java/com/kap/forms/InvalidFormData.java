package com.kap.forms;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Submitted form data the server refuses. Thrown from a task listener, it rolls the completion back (the task stays
 * open) and /engine-rest answers 400 with the message, which names the field.
 */
public class InvalidFormData extends BadUserRequestException {

  private final String field;

  public InvalidFormData(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /**
   * The same refusal for a start form: /engine-rest's submit-form answers 400 only for Camunda's form field
   * validation exception (anything else thrown while starting becomes a 500).
   */
  public FormFieldValidationException asStartFormError() {
    return new FormFieldValidationException(field, getMessage());
  }
}
