package com.kap.budget;

import com.kap.platform.web.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The solver found no allocation at all (nor proved there is none) within its time limit. 503. */
public class AllocationTimedOut extends ApiException {

  public AllocationTimedOut(Duration timeLimit) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "no allocation was found within the time limit of " + timeLimit.toMillis()
        + " ms (kap.budget.optimiser.time-limit); neither was it proven that none exists");
  }
}
