package com.kap.budget.internal;

import static com.kap.budget.internal.BidDisplay.amount;

import com.kap.budget.AllocationResult;
import com.kap.budget.BidStatus;
import com.kap.budget.Recommendation;
import com.kap.platform.forms.Plural;
import com.kap.platform.i18n.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;

/** What "Decide allocation" shows the chair: totals, sensitivity, and every bid with the recommendation. */
public final class AllocationView {

  private AllocationView() {}

  /**
   * The variables of "Decide allocation", in the order the form was always given them; the reserve left in the
   * reader's language ({@code reader}, the chair's).
   */
  public static Map<String, Object> variables(BudgetRound round, List<Bid> bids, Function<String, String> accountNames,
      Recommendation recommendation, Texts texts, Locale reader) {
    AllocationResult result = recommendation.result();
    Map<String, AllocationResult.Unfunded> unfunded = result.unfunded().stream()
        .collect(Collectors.toMap(AllocationResult.Unfunded::id, Function.identity()));
    List<Map<String, Object>> table = new ArrayList<>();
    List<Map<String, Object>> options = new ArrayList<>();
    for (Bid bid : bids) {
      if (bid.status() != BidStatus.SCORED && bid.status() != BidStatus.INELIGIBLE) {
        continue;
      }
      AllocationResult.Unfunded why = unfunded.get(bid.id());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("bidId", bid.id());
      row.put("account", accountNames.apply(bid.accountId()));
      row.put("title", bid.content().title());
      row.put("cost", amount(bid.content().cost()));
      row.put("benefit", bid.benefit() == null ? "" : bid.benefit().toPlainString());
      row.put("recommendation", why == null ? "fund" : "—");
      row.put("reason", why == null ? "" : bid.status() == BidStatus.INELIGIBLE ? "not eligible: " + bid.statusReason()
          : why.reason().code() + (why.detail() == null ? "" : ": " + why.detail()));
      table.add(row);
      if (bid.status() == BidStatus.SCORED) {
        options.add(Map.of("label", bid.id() + " · " + bid.content().title() + " · " + amount(bid.content().cost()),
            "value", bid.id()));
      }
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("roundName", round.name());
    variables.put("allocationSummary", summary(round, recommendation));
    variables.put("allocationTable", Spin.JSON(table));
    variables.put("bidOptions", Spin.JSON(options));
    variables.put("reserveText", texts.text(reader, "allocation.reserveLeft", amount(round.reserveLeft(), reader)));
    List<Map<String, Object>> envelopes = new ArrayList<>();
    if (result.envelopes() != null) {
      for (AllocationResult.EnvelopeUse use : result.envelopes()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("segment", use.segment());
        row.put("envelope", amount(use.envelope()));
        row.put("spent", amount(use.spent()));
        row.put("left", amount(use.envelope() - use.spent()));
        envelopes.add(row);
      }
    }
    variables.put("segmentEnvelopes", result.envelopes() != null);
    variables.put("envelopeTable", Spin.JSON(envelopes));
    return variables;
  }

  public static String summary(BudgetRound round, Recommendation recommendation) {
    AllocationResult result = recommendation.result();
    StringBuilder text = new StringBuilder()
        .append("**Envelope** ").append(amount(round.envelope())).append(" · **reserve** ")
        .append(amount(round.reserve())).append(" (").append(round.reservePercent().stripTrailingZeros().toPlainString())
        .append(" %) · **available to the optimiser** ").append(amount(result.available())).append("\n\n")
        .append("**Recommended:** ").append(Plural.count(result.funded().size(), "bid", "bids")).append(", cost ")
        .append(amount(result.totalCost())).append(", benefit ").append(result.totalBenefit().toPlainString())
        .append(".\n\n").append(proof(result));
    if (result.envelopeCost() != null) {
      text.append("\n\n").append(envelopeCost(result));
    }
    if (result.sensitivity() != null) {
      text.append("\n\n**Sensitivity:** with 10 % less budget the best benefit is ")
          .append(point(result.sensitivity().minus10Percent())).append("; with 10 % more, ")
          .append(point(result.sensitivity().plus10Percent())).append('.');
    }
    if (!result.nextInLine().isEmpty()) {
      text.append("\n\n**Next in line:** ").append(result.nextInLine().stream()
          .map(n -> n.id() + " (needs " + amount(n.extraBudget()) + " more)").collect(Collectors.joining(", ")));
    }
    if (recommendation.warning() != null) {
      text.append("\n\n**Warning:** ").append(recommendation.warning());
    }
    return text.toString();
  }

  /** Whether the proposal is the best there is, said plainly; if not proven, by how much it might fall short. */
  public static String proof(AllocationResult result) {
    if (result.optimal()) {
      return "**This proposal is proven optimal:** no other allocation within the available budget has a higher total "
          + "benefit.";
    }
    String text = "**This proposal is not proven optimal:** the search stopped at its limit before it could prove this the "
        + "best.";
    if (result.gap() == null || result.upperBound() == null) {
      return text + " How far it might fall short is not known.";
    }
    return text + " It might fall short of the best allocation by at most " + result.gap().toPlainString()
        + " benefit (no allocation can exceed " + result.upperBound().toPlainString() + ").";
  }

  /** What the segment envelopes cost in benefit: the optimum without them minus the recommendation's benefit. */
  public static String envelopeCost(AllocationResult result) {
    AllocationResult.EnvelopeCost cost = result.envelopeCost();
    if (cost.withoutEnvelopes() == null) {
      return "**Segment envelopes:** what they cost in benefit is not known (no allocation without them was found in "
          + "time).";
    }
    return "**Segment envelopes** cost " + cost.benefit().toPlainString() + " benefit" + (cost.proven() ? ""
        : " (at most; not proven)") + ": without them the best benefit is " + cost.withoutEnvelopes().toPlainString()
        + ".";
  }

  private static String point(AllocationResult.Point point) {
    return point.infeasible() || point.totalBenefit() == null ? "— (nothing fits)"
        : point.totalBenefit().toPlainString() + " (" + Plural.count(point.fundedCount(), "bid", "bids")
            + (point.optimal() ? "" : ", not proven optimal") + ")";
  }
}
