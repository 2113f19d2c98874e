package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.budget.internal.BidResultRepository.FundedBid;
import com.kap.budget.internal.ResultRatios;
import com.kap.planning.BudgetFiguresSource.ResultFigures;
import com.kap.planning.BudgetFiguresSource.ResultRatio;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Delivered ÷ promised: only reported bids count, groups by round, region and category, and the track record. */
class ResultRatiosTest {

  private static final Map<String, String> REGIONS = Map.of("A-1", "EMEA", "A-2", "APAC", "A-3", "EMEA");

  private static FundedBid bid(long bidNo, long roundNo, String account, String category, long promised,
      Long delivered) {
    return new FundedBid(bidNo, roundNo, "Round " + roundNo, account, category, "alice", promised, delivered);
  }

  @Test
  void onlyReportedBidsCountOnBothSides() {
    ResultRatio ratio = ResultRatios.ratio("all", List.of(bid(1, 1, "A-1", "growth", 100_000, 80_000L),
        bid(2, 1, "A-1", "growth", 50_000, 70_000L), bid(3, 1, "A-2", "growth", 900_000, null)));

    assertThat(ratio.fundedBids()).isEqualTo(3);
    assertThat(ratio.reportedBids()).isEqualTo(2);
    assertThat(ratio.promised()).isEqualTo(150_000);
    assertThat(ratio.delivered()).isEqualTo(150_000);
    assertThat(ratio.ratio()).isEqualByComparingTo("1");
  }

  @Test
  void noRatioBeforeAnyReportOrWhenNothingWasPromised() {
    assertThat(ResultRatios.ratio("g", List.of(bid(1, 1, "A-1", "growth", 10, null))).ratio()).isNull();
    assertThat(ResultRatios.ratio("g", List.of(bid(1, 1, "A-1", "growth", 0, 5L))).ratio()).isNull();
    assertThat(ResultRatios.ratio("g", List.of()).fundedBids()).isZero();
  }

  @Test
  void ratiosHaveFourDecimalsRoundedHalfUp() {
    // 2 / 3 = 0.66666…
    assertThat(ResultRatios.ratio("g", List.of(bid(1, 1, "A-1", "growth", 3, 2L))).ratio())
        .isEqualTo(new BigDecimal("0.6667"));
    assertThat(ResultRatios.percent(new BigDecimal("0.8666"))).isEqualTo("87 %");
    assertThat(ResultRatios.percent(new BigDecimal("1.2049"))).isEqualTo("120 %");
  }

  @Test
  void groupsByRoundInTheRoundsOrderAndByRegionAndCategoryAlphabetically() {
    ResultFigures figures = ResultRatios.figures(List.of(
        bid(5, 2, "A-2", "retention", 100, 50L),
        bid(1, 1, "A-1", "growth", 100, 100L),
        bid(2, 1, "A-3", "retention", 300, 150L),
        bid(3, 1, "A-2", "growth", 100, null)), REGIONS::get);

    assertThat(figures.byRound()).extracting(ResultRatio::group, ResultRatio::fundedBids, ResultRatio::ratio)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Round 1 (R-1)", 3, new BigDecimal("0.6250")),
            org.assertj.core.groups.Tuple.tuple("Round 2 (R-2)", 1, new BigDecimal("0.5000")));
    assertThat(figures.byRegion()).extracting(ResultRatio::group, ResultRatio::reportedBids, ResultRatio::ratio)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("APAC", 1, new BigDecimal("0.5000")),
            org.assertj.core.groups.Tuple.tuple("EMEA", 2, new BigDecimal("0.6250")));
    assertThat(figures.byCategory()).extracting(ResultRatio::group, ResultRatio::promised, ResultRatio::delivered)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("growth", 100L, 100L),
            org.assertj.core.groups.Tuple.tuple("retention", 400L, 200L));
    assertThat(ResultRatios.figures(List.of(), REGIONS::get).noFundedBids()).isTrue();
  }

  @Test
  void theTrackRecordSaysWhatThePastBidsDelivered() {
    assertThat(ResultRatios.trackRecord("alice", List.of(bid(1, 1, "A-1", "growth", 100_000, 80_000L),
        bid(2, 1, "A-1", "growth", 50_000, 50_000L))))
        .isEqualTo("**Track record** alice's past funded bids delivered 87 % of the value they promised "
            + "(2 bids reported: 130,000 of 150,000).");
    assertThat(ResultRatios.trackRecord("bruno", List.of()))
        .isEqualTo("**Track record** bruno has no reported results of past funded bids yet.");
  }
}
