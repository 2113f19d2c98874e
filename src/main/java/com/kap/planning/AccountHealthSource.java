package com.kap.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * The accounts' health as last stored, for the programme dashboard. The rituals module answers it (it computes
 * health from the rituals, the plans' progress and the stakeholder maps): rituals build on planning, so planning asks
 * through this interface rather than depending on rituals. The dashboard never computes health itself.
 */
public interface AccountHealthSource {

  /**
   * An account's latest stored health of a year.
   *
   * @param score 0-100
   * @param reasons why it lost points, in the words of the DMN table accountHealth
   */
  record StoredHealth(String accountId, LocalDate date, int score, List<String> reasons) {}

  /** The latest stored health of every account of the year that has one, read in one query. */
  List<StoredHealth> latestOf(int year);
}
