package com.kap.budget;

import com.kap.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * No allocation meets the problem's constraints; the message says which ones conflict. 422. The message is a key of
 * the bundles ({@code infeasible.*}, {@code i18n/budget*.properties}) with its arguments, so the API answers it in
 * the request's language; {@link #getMessage()} is the English.
 */
public class AllocationInfeasible extends ApiException {

  public AllocationInfeasible(String key, Object... args) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, null, key, args);
  }
}
