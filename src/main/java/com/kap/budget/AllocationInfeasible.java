package com.kap.budget;

import com.kap.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** No allocation meets the problem's constraints; the message says which ones conflict. 422. */
public class AllocationInfeasible extends ApiException {

  public AllocationInfeasible(String message) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, message);
  }
}
