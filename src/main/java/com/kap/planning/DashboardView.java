package com.kap.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The programme dashboard page of one cycle year, counted within the accounts its reader may see (a region, an
 * executive sponsor's accounts) from one reading of the year's records.
 *
 * @param figures the year's plans in numbers, as {@link ProgrammeDashboard.Dashboard} counts them for the whole
 *     programme, here within the scope
 * @param plansBySegment segment label → status (Drafting, In review, Approved, No plan) → accounts
 * @param deadlinePassed whether the end of the plan deadline day has passed
 * @param overdue the plans not approved after the deadline (none before it)
 * @param approvals approvals week by week, from the week of the first approval to the later of the deadline's week
 *     and the last approval's, never beyond the current week
 * @param chart the approvals as a line chart's points (SVG coordinates in a 600 × 200 box), with the deadline's x
 * @param accountsPerSegment segment label → accounts
 * @param budgetByRegion region → bids requested and funded of the year's rounds whose call has closed; empty for an
 *     executive sponsor, to whom the budget shows no bid
 * @param budgetBySegment segment label → the same by segment
 * @param rituals ritual compliance in total, by segment and by KAM
 * @param trainingNeeds the training needs of the plans' latest versions, the same need of an audience once
 * @param health the accounts' latest stored health, by segment and the least healthy
 */
public record DashboardView(int year, Scope scope, Figures figures, Map<String, Map<String, Integer>> plansBySegment,
    boolean deadlinePassed, List<ProgrammeDashboard.OverduePlan> overdue, List<ApprovalWeek> approvals, Chart chart,
    Map<String, Long> accountsPerSegment, Map<String, Budget> budgetByRegion, Map<String, Budget> budgetBySegment,
    Rituals rituals, Training trainingNeeds, Health health) {

  /**
   * Whose accounts the page counts.
   *
   * @param region one region, or null for all
   * @param sponsor an executive sponsor whose accounts alone count, or null for all
   */
  public record Scope(String region, String sponsor) {

    public static Scope all() {
      return new Scope(null, null);
    }

    public boolean isWholeProgramme() {
      return region == null && sponsor == null;
    }
  }

  public record Figures(String planDeadline, String closingDate, int accounts, int plans, int approved,
      int approvedOnTime, int approvedLate, int notApproved, int overdue, BigDecimal shareWithValueObjective,
      boolean trainingPlanConsolidated) {}

  /**
   * @param weekEnding the Sunday that ends the week
   * @param approved plans approved in the week
   * @param approvedSoFar plans approved by the end of the week
   * @param share approvedSoFar of the plans in the cycle (0-1)
   * @param deadlineWeek whether the plan deadline falls in the week
   */
  public record ApprovalWeek(LocalDate weekEnding, int approved, int approvedSoFar, BigDecimal share,
      boolean deadlineWeek) {}

  /**
   * @param points the polyline's points; empty without approvals
   * @param deadlineX where the deadline's week is, if shown
   * @param firstWeek the first week's end, under the start of the time axis
   * @param lastWeek the last week's end, under its end
   */
  public record Chart(String points, Integer deadlineX, String firstWeek, String lastWeek) {}

  /**
   * @param bids bids asking (withdrawn ones left out)
   * @param requested what they ask for
   * @param decidedBids bids the chair has decided, funded or not
   * @param fundedBids bids funded
   * @param funded what the decisions fund
   */
  public record Budget(int bids, long requested, int decidedBids, int fundedBids, long funded) {

    static Budget of(long cost, boolean isFunded, boolean isDecided) {
      return new Budget(1, cost, isDecided ? 1 : 0, isFunded ? 1 : 0, isFunded ? cost : 0);
    }

    Budget add(Budget other) {
      return new Budget(bids + other.bids, requested + other.requested, decidedBids + other.decidedBids,
          fundedBids + other.fundedBids, funded + other.funded);
    }

    /** What is funded of what is asked for (0-1), or null before any of the bids is decided. */
    public BigDecimal fundedShare() {
      return requested == 0 || decidedBids == 0 ? null : BigDecimal.valueOf(funded)
          .divide(BigDecimal.valueOf(requested), 2, java.math.RoundingMode.HALF_UP);
    }
  }

  /** Held of due per group; {@code byKam} names each KAM. */
  public record Rituals(Rate total, Map<String, Rate> bySegment, Map<String, Rate> byKam) {}

  public record Rate(int planned, int due, int held) {

    public BigDecimal heldShare() {
      return due == 0 ? null : BigDecimal.valueOf(held).divide(BigDecimal.valueOf(due), 2,
          java.math.RoundingMode.HALF_UP);
    }

    Rate add(Rate other) {
      return new Rate(planned + other.planned, due + other.due, held + other.held);
    }
  }

  /**
   * @param count the needs of all plans
   * @param needs each need of an audience once, audiences in the form's order, the most asked first
   */
  public record Training(int count, List<TrainingNeed> needs) {}

  /**
   * One need of one audience and the plans that name it.
   *
   * @param audience the audience as the plan form stores it ("kam"), for the page to name in the reader's language
   * @param forWhom the audience in the plan form's English words
   * @param plans how many plans name it
   * @param firstAccounts the first of those accounts by id, at most {@link #ACCOUNTS_NAMED}
   */
  public record TrainingNeed(String audience, String forWhom, String need, int plans,
      List<AccountName> firstAccounts) {

    public static final int ACCOUNTS_NAMED = 5;

    /** How many accounts the page does not name. */
    public int moreAccounts() {
      return plans - firstAccounts.size();
    }
  }

  public record AccountName(String accountId, String name) {}

  /**
   * The accounts' health as last stored (the daily job's or an account's page's), never computed for the page.
   *
   * @param accounts the accounts of the scope with a stored health
   * @param bySegment segment label → health of its accounts, in the segments' order
   * @param leastHealthy the {@link #LEAST_HEALTHY} accounts of the lowest scores, lowest first
   */
  public record Health(int accounts, Map<String, SegmentHealth> bySegment, List<AccountHealthRow> leastHealthy) {

    public static final int LEAST_HEALTHY = 20;
    /** A score under this is poor health: the dashboard counts such accounts. */
    public static final int POOR = 50;
  }

  /**
   * @param average the average score, one decimal
   * @param under50 accounts scoring under 50
   */
  public record SegmentHealth(int accounts, BigDecimal average, int under50) {}

  public record AccountHealthRow(String accountId, String name, String segment, String kam, int score,
      List<String> reasons, LocalDate date) {}
}
