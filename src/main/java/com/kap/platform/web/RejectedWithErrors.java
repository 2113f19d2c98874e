package com.kap.platform.web;

import com.kap.platform.i18n.Bundles;
import java.util.List;

/**
 * A request refused as a whole for the errors it lists ({@link ApiExceptionHandler} answers 400 with them as the
 * problem's {@code errors}). A module's own refusal extends it, so the platform's handler needs no module's types.
 * Its message is a key of the bundles with arguments: {@link #getMessage()} in English, the answer in the request's
 * language. The errors themselves are said in the language they were made in.
 */
public abstract class RejectedWithErrors extends RuntimeException {

  private final String messageKey;
  private final Object[] messageArgs;

  /** The refusal whose message is the bundles' {@code key} with {@code args}. */
  protected RejectedWithErrors(String key, Object... args) {
    super(Bundles.english(key, args));
    this.messageKey = key;
    this.messageArgs = args;
  }

  /** The errors, each written as JSON in the answer. */
  public abstract List<?> errors();

  public String messageKey() {
    return messageKey;
  }

  public Object[] messageArgs() {
    return messageArgs.clone();
  }
}
