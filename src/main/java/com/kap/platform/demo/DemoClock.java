package com.kap.platform.demo;

import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * "Let time pass (demo)": moves the demo's clock forward to noon of the chosen day, so that deadlines, ritual days
 * and closing dates up to then have passed. Camunda's clock moves (ClockUtil, with an offset, so time keeps running
 * from there) and with it KAP's {@link java.time.Clock}, which reads Camunda's. The job executor then runs every timer
 * that is now due, as it would have had the days really passed. Demo profile only: one JVM's clock, lost on restart.
 */
@Component("moveDemoClock")
@Profile("demo")
public class DemoClock implements JavaDelegate {

  /** The time of day the clock moves to: ritual days (07:00) have begun, the day's deadlines (its end) not passed. */
  static final LocalTime MOVED_TO_TIME = LocalTime.NOON;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ZoneId zone;

  /** @param zone the time zone the cycle counts its days in (the planning module's {@code kap.cycle.time-zone}) */
  public DemoClock(@Value("${kap.cycle.time-zone}") ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = FormValues.of(execution).date("moveClockTo", true);
    Instant now = ClockUtil.now().toInstant();
    Instant target = day.atTime(MOVED_TO_TIME).atZone(zone).toInstant();
    if (!target.isAfter(now)) {
      throw new InvalidFormData("moveClockTo", Problem.of("demoClock.back",
          SHOWN.format(now.atZone(zone)), zone));
    }
    execution.setVariable("clockMovedFrom", SHOWN.format(now.atZone(zone)));
    execution.setVariable("clockMovedTo", SHOWN.format(target.atZone(zone)));
    // the clock moves once the start is committed: a refused or failed start leaves it where it was
    JobExecutor jobExecutor = Context.getProcessEngineConfiguration().getJobExecutor();
    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
        committed -> {
          moveTo(target);
          if (jobExecutor != null && jobExecutor.isActive()) {
            jobExecutor.jobWasAdded();
          }
        });
  }

  /** Camunda's clock (and so KAP's) runs on from this instant. */
  static void moveTo(Instant target) {
    ClockUtil.reset();
    ClockUtil.offset(target.toEpochMilli() - System.currentTimeMillis());
  }
}
