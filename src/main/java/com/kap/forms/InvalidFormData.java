package com.kap.forms;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Submitted form data the server refuses. Thrown from a listener, it rolls the completion back (the task stays
 * open) and /engine-rest answers 400 with the message, which names the field.
 */
public class InvalidFormData extends BadUserRequestException {

  public InvalidFormData(String field, String problem) {
    super(field + ": " + problem);
  }
}
