package com.kap.planning;

import com.kap.forms.FormValues;
import com.kap.forms.InvalidFormData;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * When a cycle starts: checks the start form on the server, refuses a second cycle for the same year, registers
 * the cycle and makes the year its business key. Runs in the starting transaction, so a refused start leaves nothing.
 */
@Component("registerCycle")
public class RegisterCycleListener implements ExecutionListener {

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;

  private final CycleRepository cycles;
  private final IdentityService identityService;
  private final Clock clock;

  public RegisterCycleListener(CycleRepository cycles, IdentityService identityService, Clock clock) {
    this.cycles = cycles;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    int year = FormValues.of(execution).integer("year", FIRST_YEAR, LAST_YEAR);
    execution.setVariable("year", year);
    if (cycles.processInstanceOf(year).isPresent()) {
      throw duplicate(year);
    }
    try {
      cycles.insert(year, execution.getProcessInstanceId(), startedBy(), clock.instant());
    } catch (DuplicateKeyException e) {
      throw duplicate(year);
    }
    execution.setProcessBusinessKey(String.valueOf(year));
  }

  private static InvalidFormData duplicate(int year) {
    return new InvalidFormData("year", "a planning cycle for " + year + " has already been started");
  }

  private String startedBy() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
