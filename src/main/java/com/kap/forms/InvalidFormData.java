package com.kap.forms;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Submitted form data the server refuses. Thrown from a listener or delegate, it rolls the start or completion back
 * (the task stays open). It is Camunda's own form field validation exception, which Tasklist shows and /engine-rest
 * answers with 400 and the message, which names the field.
 */
public class InvalidFormData extends FormFieldValidationException {

  public InvalidFormData(String field, String problem) {
    super(field, field + ": " + problem);
  }
}
