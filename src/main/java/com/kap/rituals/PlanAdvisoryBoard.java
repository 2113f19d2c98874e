package com.kap.rituals;

import com.kap.platform.forms.FormValues;

/**
 * The programme director plans a customer advisory board, as submitted: the cycle year, the day and the agenda.
 * The process instance runs the board.
 */
public record PlanAdvisoryBoard(FormValues board, String processInstanceId) {}
