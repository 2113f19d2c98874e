package com.kap.rituals.process;

import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import com.kap.rituals.internal.AdvisoryBoardRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** When the programme director completes "Hold customer advisory board": who came, minutes, decisions, satisfaction. */
@Component("recordAdvisoryBoard")
public class RecordAdvisoryBoardListener extends TaskCompletionListener {

  private final AdvisoryBoardRepository boards;
  private final CycleCalendar calendar;
  private final CurrentUser currentUser;
  private final Clock clock;

  public RecordAdvisoryBoardListener(AdvisoryBoardRepository boards, CycleCalendar calendar,
      CurrentUser currentUser, Clock clock) {
    this.boards = boards;
    this.calendar = calendar;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Map<String, Object> board = boards.findByProcessInstance(execution.getProcessInstanceId());
    FormValues values = FormValues.of(execution);
    boolean held = "yes".equals(values.choice("held", List.of("yes", "no"), true));
    String by = currentUser.idOrElse(null);
    if (!held) {
      boards.record(execution.getProcessInstanceId(), false, null, null, values.text("notHeldReason", true, 4000),
          null, null, by, clock.instant());
      return;
    }
    int year = ((Number) board.get("CYCLE_YEAR")).intValue();
    LocalDate today = clock.instant().atZone(calendar.properties().timeZone()).toLocalDate();
    LocalDate heldDate = values.date("heldDate", true);
    if (heldDate.getYear() != year || heldDate.isAfter(today)) {
      throw new InvalidFormData("heldDate", "must be a day of " + year + " and not after today, was " + heldDate);
    }
    List<String> invited = Arrays.asList(((String) board.get("INVITED_ACCOUNTS")).split(","));
    List<String> attending = new ArrayList<>();
    Object value = execution.getVariable("attendingAccounts");
    // Tasklist submits the checklist as a Json array; clients of /engine-rest may send a list
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(item -> attending.add(item.isString() ? item.stringValue() : item.toString()));
    } else if (value instanceof List<?> list) {
      list.forEach(item -> attending.add(String.valueOf(item)));
    }
    if (attending.isEmpty() || !invited.containsAll(attending)) {
      throw new InvalidFormData("attendingAccounts", "pick the invited accounts that took part " + invited);
    }
    boards.record(execution.getProcessInstanceId(), true, heldDate, attending, values.text("minutes", true, 10000),
        values.text("decisions", false, 4000), values.integer("customerSatisfaction", 1, 5), by, clock.instant());
  }
}
