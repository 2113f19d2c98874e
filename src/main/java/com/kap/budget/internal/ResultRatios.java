package com.kap.budget.internal;

import com.kap.budget.internal.BidResultRepository.FundedBid;
import com.kap.planning.BudgetFiguresSource.ResultFigures;
import com.kap.planning.BudgetFiguresSource.ResultRatio;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Delivered ÷ promised of funded bids. Only reported bids count on both sides: a bid not reported yet neither
 * promises nor delivers, so an early report does not look like a shortfall. Ratios have four decimals.
 */
public final class ResultRatios {

  private ResultRatios() {}

  /** One group's sums; its ratio null while no bid of it is reported (or all promised nothing). */
  public static ResultRatio ratio(String group, List<FundedBid> bids) {
    int reported = 0;
    long promised = 0;
    long delivered = 0;
    for (FundedBid bid : bids) {
      if (bid.delivered() != null) {
        reported++;
        promised += bid.promised();
        delivered += bid.delivered();
      }
    }
    BigDecimal ratio = promised == 0 ? null
        : BigDecimal.valueOf(delivered).divide(BigDecimal.valueOf(promised), 4, RoundingMode.HALF_UP);
    return new ResultRatio(group, bids.size(), reported, promised, delivered, ratio);
  }

  /**
   * The bids by round (in the rounds' order), by region and by category (alphabetical).
   *
   * @param regionOf the region of a bid's account
   */
  public static ResultFigures figures(List<FundedBid> bids, Function<String, String> regionOf) {
    Map<String, List<FundedBid>> byRound = new LinkedHashMap<>();
    Map<String, List<FundedBid>> byRegion = new TreeMap<>();
    Map<String, List<FundedBid>> byCategory = new TreeMap<>();
    bids.stream().sorted(java.util.Comparator.comparingLong(FundedBid::roundNo)).forEach(bid -> {
      byRound.computeIfAbsent(bid.roundName() + " (" + BudgetIds.round(bid.roundNo()) + ")", k -> new ArrayList<>())
          .add(bid);
      byRegion.computeIfAbsent(regionOf.apply(bid.accountId()), k -> new ArrayList<>()).add(bid);
      byCategory.computeIfAbsent(bid.category(), k -> new ArrayList<>()).add(bid);
    });
    return new ResultFigures(ratios(byRound), ratios(byRegion), ratios(byCategory));
  }

  private static List<ResultRatio> ratios(Map<String, List<FundedBid>> groups) {
    return groups.entrySet().stream().map(group -> ratio(group.getKey(), group.getValue())).toList();
  }

  /** A ratio as a whole percentage, e.g. 0.8666 → "87 %". */
  public static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
  }

  /**
   * What the scorers read of a KAM's past funded bids: delivered ÷ promised of those reported, e.g. "alice's past
   * funded bids delivered 87 % of the value they promised (3 bids reported)".
   */
  public static String trackRecord(String kam, List<FundedBid> pastReported) {
    ResultRatio all = ratio(kam, pastReported);
    if (all.reportedBids() == 0) {
      return "**Track record** " + kam + " has no reported results of past funded bids yet.";
    }
    if (all.ratio() == null) {
      return "**Track record** " + kam + "'s past funded bids promised no value (" + bids(all.reportedBids())
          + " reported).";
    }
    return "**Track record** " + kam + "'s past funded bids delivered " + percent(all.ratio())
        + " of the value they promised (" + bids(all.reportedBids()) + " reported: "
        + BidDisplay.amount(all.delivered()) + " of " + BidDisplay.amount(all.promised()) + ").";
  }

  private static String bids(int count) {
    return count + (count == 1 ? " bid" : " bids");
  }
}
