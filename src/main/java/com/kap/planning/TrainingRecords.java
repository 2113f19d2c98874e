package com.kap.planning;

import com.kap.planning.internal.CycleRepository;
import com.kap.planning.internal.TrainingSessionRepository;
import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.identity.KnownUsers;
import com.kap.portfolio.Portfolio;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training actually delivered, against the training needs the plans name: the training coordinator or the
 * programme director records each session (process {@code recordTraining}); the year's sessions are read back for the
 * programme's proofs of success and {@code GET /api/programme/{year}/training}.
 */
@Service
public class TrainingRecords {

  /** The start form of {@code recordTraining}: its labels name the fields of a refusal. */
  public static final String FORM = "recordTraining";
  public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(100);
  public static final int MAX_TITLE = 200;
  public static final int MAX_NOTES = 4000;

  private final TrainingSessionRepository sessions;
  private final CycleRepository cycles;
  private final Portfolio portfolio;
  private final KnownUsers users;
  private final CycleCalendar calendar;
  private final Clock clock;

  public TrainingRecords(TrainingSessionRepository sessions, CycleRepository cycles, Portfolio portfolio,
      KnownUsers users, CycleCalendar calendar, Clock clock) {
    this.sessions = sessions;
    this.cycles = cycles;
    this.portfolio = portfolio;
    this.users = users;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * Checks the session (a year with a planning cycle, a title, one of the plans' audiences, a day of that year not
   * after today, more than 0 and at most 100 hours, at least one participant and only known KAP users, only known
   * accounts) and stores it with who recorded it and when.
   *
   * @throws InvalidFormData naming every problem at once, by the form's labels
   */
  @Transactional
  public TrainingSession record(RecordTrainingSession command) {
    if (command.recordedBy() == null || command.recordedBy().isBlank()) {
      throw new IllegalArgumentException("a training session is recorded by a signed-in user");
    }
    FormProblems problems = new FormProblems(); // every problem of the form at once
    Integer year = problems.check(() -> {
      int asked = command.year().get();
      if (cycles.find(asked).isEmpty()) {
        throw refused("year", Problem.of("training.noCycle", asked));
      }
      return asked;
    }).orElse(null);
    String title = problems.check(() -> {
      String asked = command.title().get();
      if (asked == null || asked.isBlank()) {
        throw refused("title", Problem.of("required"));
      }
      if (asked.trim().length() > MAX_TITLE) {
        throw refused("title", Problem.of("maxLength", MAX_TITLE));
      }
      return asked.trim();
    }).orElse(null);
    String audience = problems.check(() -> {
      String asked = command.audience().get();
      if (asked == null || !PlanContent.TRAINING_AUDIENCES.contains(asked)) {
        throw refused("audience", asked == null ? Problem.of("required")
            : Problem.of("choice", PlanContent.TRAINING_AUDIENCES, asked));
      }
      return asked;
    }).orElse(null);
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(calendar.properties().timeZone()).toLocalDate();
    LocalDate deliveredOn = problems.check(() -> {
      LocalDate asked = command.deliveredOn().get();
      if (asked == null) {
        throw refused("deliveredOn", Problem.of("required"));
      }
      if (year != null && asked.getYear() != year) {
        throw refused("deliveredOn", Problem.of("date.ofYear", year, asked));
      }
      if (asked.isAfter(today)) {
        throw refused("deliveredOn", Problem.of("date.future", asked));
      }
      return asked;
    }).orElse(null);
    BigDecimal hours = problems.check(() -> {
      BigDecimal asked = command.hours().get();
      if (asked == null) {
        throw refused("hours", Problem.of("required"));
      }
      if (asked.signum() <= 0 || asked.compareTo(MAX_HOURS) > 0) {
        throw refused("hours", Problem.of("training.hours", MAX_HOURS, asked.toPlainString()));
      }
      if (asked.stripTrailingZeros().scale() > 2) {
        throw refused("hours", Problem.of("decimals2", asked.toPlainString()));
      }
      return asked;
    }).orElse(null);
    List<String> participants = problems.check(() -> {
      List<String> asked = distinct(command.participants().get());
      if (asked.isEmpty()) {
        throw refused("participants", Problem.of("training.noParticipant"));
      }
      Set<String> known = users.existing(asked);
      List<String> unknown = asked.stream().filter(id -> !known.contains(id)).toList();
      if (!unknown.isEmpty()) {
        throw refused("participants", Problem.of("training.unknownUsers", String.join(", ", unknown)));
      }
      return asked;
    }).orElse(null);
    List<String> accountIds = problems.check(() -> {
      List<String> asked = distinct(command.accountIds().get());
      List<String> unknown = asked.stream().filter(id -> portfolio.account(id).isEmpty()).toList();
      if (!unknown.isEmpty()) {
        throw refused("accountIds", Problem.of("training.unknownAccounts", String.join(", ", unknown)));
      }
      return asked;
    }).orElse(null);
    String notes = problems.check(() -> {
      String asked = command.notes().get();
      if (asked != null && asked.trim().length() > MAX_NOTES) {
        throw refused("notes", Problem.of("maxLength", MAX_NOTES));
      }
      return asked == null || asked.isBlank() ? null : asked.trim();
    }).orElse(null);
    problems.throwIfAny();
    var at = clock.instant();
    long sessionNo = sessions.insert(year, title, audience, deliveredOn, hours, participants, accountIds, notes,
        command.recordedBy(), at);
    return sessions.findByYear(year).stream().filter(s -> s.sessionNo() == sessionNo).findFirst()
        .orElseThrow();
  }

  /** The year's sessions, by the day they were delivered, then in the order they were recorded. */
  public List<TrainingSession> ofYear(int year) {
    return sessions.findByYear(year);
  }

  private static List<String> distinct(List<String> ids) {
    return ids == null ? List.of() : ids.stream().filter(id -> id != null && !id.isBlank()).map(String::trim)
        .distinct().toList();
  }

  private static InvalidFormData refused(String field, Problem problem) {
    return new InvalidFormData(FORM, field, problem);
  }
}
