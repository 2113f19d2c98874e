package com.kap.planning.process;

import com.kap.planning.RecordTrainingSession;
import com.kap.planning.TrainingRecords;
import com.kap.planning.TrainingSession;
import com.kap.platform.forms.FormValues;
import com.kap.platform.identity.CurrentUser;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record training session", run in the starting transaction: stores the start form's session (every problem of the
 * form refused at once, naming the fields by their labels) with the signed-in starter as who recorded it, and makes
 * {@code training-<n>} the business key. A refused start leaves nothing behind.
 */
@Component("recordTrainingSession")
public class RecordTrainingSessionDelegate implements JavaDelegate {

  private final TrainingRecords training;
  private final CurrentUser currentUser;

  public RecordTrainingSessionDelegate(TrainingRecords training, CurrentUser currentUser) {
    this.training = training;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    TrainingSession session = training.record(new RecordTrainingSession(
        () -> values.integer("year", 2000, 2199),
        () -> values.text("title", true, TrainingRecords.MAX_TITLE),
        () -> values.text("audience", true, 100),
        () -> values.date("deliveredOn", true),
        () -> values.decimal("hours", BigDecimal.ZERO, TrainingRecords.MAX_HOURS, 2),
        () -> values.textList("participants", false, 64),
        () -> values.textList("accountIds", false, 64),
        () -> values.text("notes", false, TrainingRecords.MAX_NOTES),
        // the starter as the engine knows them: never a variable a user could send
        currentUser.idOrElse(null)));
    execution.setProcessBusinessKey("training-" + session.sessionNo());
    execution.setVariable("sessionNo", session.sessionNo());
  }
}
