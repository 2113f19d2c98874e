package com.kap.forms;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Submitted form data the server refuses. Thrown from a listener, it rolls the start or completion back (the task
 * stays open). It is Camunda's own form field validation exception, which Tasklist shows and /engine-rest's
 * submit-form answers with 400; {@link InvalidFormDataMapper} gives /complete the same 400.
 */
public class InvalidFormData extends FormFieldValidationException {

  public InvalidFormData(String field, String problem) {
    super(field, field + ": " + problem);
  }
}
