package com.kap.rituals;

import com.kap.platform.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The host records a ritual, as submitted in "Hold ritual": held (date, attendees, minutes, decisions, actions, the
 * customer's satisfaction), not held (the reason) or moved to another day.
 *
 * @param branch the execution of the ritual's branch, or one below it: it tells which ritual is recorded
 */
public record RecordRitual(DelegateExecution branch, FormValues record) {}
