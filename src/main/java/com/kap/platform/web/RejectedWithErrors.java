package com.kap.platform.web;

import java.util.List;

/**
 * A request refused as a whole for the errors it lists ({@link ApiExceptionHandler} answers 400 with them as the
 * problem's {@code errors}). A module's own refusal extends it, so the platform's handler needs no module's types.
 */
public abstract class RejectedWithErrors extends RuntimeException {

  protected RejectedWithErrors(String message) {
    super(message);
  }

  /** The errors, each written as JSON in the answer. */
  public abstract List<?> errors();
}
