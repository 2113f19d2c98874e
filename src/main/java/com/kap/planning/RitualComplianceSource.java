package com.kap.planning;

import java.util.List;

/**
 * The compliance of a cycle year's rituals, as the programme dashboard shows it. The rituals module answers it:
 * rituals build on planning, so planning asks through this interface rather than depending on rituals.
 */
public interface RitualComplianceSource {

  /** The year's compliance, written into the dashboard's {@code ritualCompliance} as it is. */
  Object complianceOf(int year);

  /** An account's rituals of the year: planned, due by today, and held of those. */
  record AccountRitualCount(String accountId, int planned, int due, int held) {}

  /** The year's rituals per account, for the dashboard to count within the accounts a user may see. */
  List<AccountRitualCount> perAccount(int year);
}
