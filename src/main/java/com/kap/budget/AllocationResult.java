package com.kap.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * The funded bids, and why each other bid is not.
 *
 * @param funded ids in the order of the problem's bids
 * @param optimal true when it is proven that no allocation has a higher total benefit; false when the search stopped
 *     at its limit first (the best allocation found is kept)
 * @param upperBound no allocation has a higher total benefit than this: the solver's bound, rounded down to the
 *     hundredth; equal to {@code totalBenefit} when optimal
 * @param gap {@code upperBound − totalBenefit}: how far the allocation might fall short of the best; 0 when optimal
 * @param unfunded every bid not funded, in the order of the problem's bids, with its reason
 * @param nextInLine up to five unfunded bids that only the budget holds back, best benefit per cost first
 * @param sensitivity the optimum with 10 % less and 10 % more available; null unless asked for
 * @param available {@code budget − reserve}
 * @param solveMillis wall time of the whole solve: the search, its tie-break and the explanations (not the sensitivity)
 * @param envelopes each segment envelope with what the allocation spends in it; null when the problem has none
 * @param envelopeCost what the envelopes cost in benefit: the optimum without them minus this allocation's benefit;
 *     null when the problem has none
 */
public record AllocationResult(List<String> funded, long totalCost, BigDecimal totalBenefit, boolean optimal,
    BigDecimal upperBound, BigDecimal gap, List<Unfunded> unfunded, List<NextInLine> nextInLine,
    Sensitivity sensitivity, long available, long solveMillis,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<EnvelopeUse> envelopes,
    @JsonInclude(JsonInclude.Include.NON_NULL) EnvelopeCost envelopeCost) {

  /** An allocation of a problem without segment envelopes. */
  public AllocationResult(List<String> funded, long totalCost, BigDecimal totalBenefit, boolean optimal,
      BigDecimal upperBound, BigDecimal gap, List<Unfunded> unfunded, List<NextInLine> nextInLine,
      Sensitivity sensitivity, long available, long solveMillis) {
    this(funded, totalCost, totalBenefit, optimal, upperBound, gap, unfunded, nextInLine, sensitivity, available,
        solveMillis, null, null);
  }

  /** The same allocation with its ±10 % points. */
  public AllocationResult withSensitivity(Sensitivity points) {
    return new AllocationResult(funded, totalCost, totalBenefit, optimal, upperBound, gap, unfunded, nextInLine, points,
        available, solveMillis, envelopes, envelopeCost);
  }

  /** The same allocation with its envelopes and what they cost. */
  public AllocationResult withEnvelopes(List<EnvelopeUse> uses, EnvelopeCost cost) {
    return new AllocationResult(funded, totalCost, totalBenefit, optimal, upperBound, gap, unfunded, nextInLine,
        sensitivity, available, solveMillis, uses, cost);
  }

  /** The same allocation with these reasons, e.g. said in a reader's language. */
  public AllocationResult withUnfunded(List<Unfunded> reasons) {
    return new AllocationResult(funded, totalCost, totalBenefit, optimal, upperBound, gap, List.copyOf(reasons),
        nextInLine, sensitivity, available, solveMillis, envelopes, envelopeCost);
  }

  /** A segment's envelope (most its funded bids may cost) and what the allocation spends in it. */
  public record EnvelopeUse(String segment, long envelope, long spent) {}

  /**
   * @param withoutEnvelopes the best benefit had there been no envelopes; null when no allocation was found
   * @param benefit {@code withoutEnvelopes − totalBenefit}: the benefit the envelopes cost
   * @param proven both optima proven, so the cost is exact; otherwise an estimate
   */
  public record EnvelopeCost(BigDecimal withoutEnvelopes, BigDecimal benefit, boolean proven) {}

  /**
   * e.g. {@code {"id":"B7","reason":"over budget","detail":"needs 12,000 more than the 3,000 left"}}: the reason a
   * code, the detail a sentence, in English as the optimiser writes it (the API says it in the request's language).
   */
  public record Unfunded(String id, AllocationReason reason, String detail) {}

  /**
   * An unfunded bid that more budget alone would let in.
   *
   * @param extraBudget how much more would have to be available to fund it as things stand
   * @param cost its cost plus that of the unfunded bids it requires
   * @param benefit its benefit plus that of the unfunded bids it requires
   * @param withRequirements the unfunded bids it requires, funded along with it
   */
  public record NextInLine(String id, long extraBudget, long cost, BigDecimal benefit, List<String> withRequirements) {}

  public record Sensitivity(Point minus10Percent, Point plus10Percent) {}

  /**
   * The best allocation had {@code available} been what the funded bids may cost.
   *
   * @param optimal proven the best; false when the search stopped at its limit first
   * @param infeasible proven that no allocation fits (e.g. the must-fund bids cost more)
   * @param totalBenefit null when no allocation was found
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Point(long available, BigDecimal totalBenefit, int fundedCount, boolean optimal, boolean infeasible) {}
}
