package com.kap.platform.forms;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * An "end" execution listener of a user task that checks and records what the user submitted. End listeners also
 * run when the task is cancelled (a closing date, an interrupting timer): then nothing was submitted, and nothing
 * is checked.
 */
public abstract class TaskCompletionListener implements ExecutionListener {

  @Override
  public final void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      completed(execution);
    }
  }

  protected abstract void completed(DelegateExecution execution);
}
