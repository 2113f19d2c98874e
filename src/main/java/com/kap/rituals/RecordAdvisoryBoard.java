package com.kap.rituals;

import com.kap.platform.forms.FormValues;
import java.util.List;

/**
 * The programme director records the advisory board the process instance runs, as submitted in "Hold customer
 * advisory board": held (date, minutes, decisions, satisfaction) or not held (the reason).
 *
 * @param attendingAccounts the invited accounts that took part, as ticked
 */
public record RecordAdvisoryBoard(String processInstanceId, FormValues record, List<String> attendingAccounts) {}
