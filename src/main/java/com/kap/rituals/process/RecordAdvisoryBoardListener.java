package com.kap.rituals.process;

import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.rituals.RecordAdvisoryBoard;
import com.kap.rituals.Rituals;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** When the programme director completes "Hold customer advisory board": who came, minutes, decisions, satisfaction. */
@Component("recordAdvisoryBoard")
public class RecordAdvisoryBoardListener extends TaskCompletionListener {

  private final Rituals rituals;

  public RecordAdvisoryBoardListener(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    List<String> attending = new ArrayList<>();
    Object value = execution.getVariable("attendingAccounts");
    // Tasklist submits the checklist as a Json array; clients of /engine-rest may send a list
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(item -> attending.add(item.isString() ? item.stringValue() : item.toString()));
    } else if (value instanceof List<?> list) {
      list.forEach(item -> attending.add(String.valueOf(item)));
    }
    rituals.recordAdvisoryBoard(new RecordAdvisoryBoard(execution.getProcessInstanceId(), FormValues.of(execution),
        attending));
  }
}
