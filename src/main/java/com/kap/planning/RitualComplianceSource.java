package com.kap.planning;

/**
 * The compliance of a cycle year's rituals, as the programme dashboard shows it. The rituals module answers it:
 * rituals build on planning, so planning asks through this interface rather than depending on rituals.
 */
public interface RitualComplianceSource {

  /** The year's compliance, written into the dashboard's {@code ritualCompliance} as it is. */
  Object complianceOf(int year);
}
