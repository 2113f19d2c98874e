package com.kap.budget.internal;

import static com.kap.budget.internal.BidDisplay.amount;

import com.kap.budget.AllocationResult;
import com.kap.budget.BidStatus;
import com.kap.budget.Recommendation;
import com.kap.budget.UnfundedReasons;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.i18n.DecisionTexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.springframework.context.MessageSource;

/** What "Decide allocation" shows the chair: totals, sensitivity, and every bid with the recommendation. */
public final class AllocationView {

  private AllocationView() {}

  /**
   * The variables of "Decide allocation", in the order the form was always given them; the summary (with the
   * {@code warning}, a text of the bundles or null), the table's recommendations and reasons and the reserve left in
   * the reader's language ({@code reader}, the chair's).
   */
  public static Map<String, Object> variables(BudgetRound round, List<Bid> bids, Function<String, String> accountNames,
      Recommendation recommendation, Object warning, MessageSource messages, Locale reader) {
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
      row.put("cost", amount(bid.content().cost(), reader));
      row.put("benefit", bid.benefit() == null ? "" : bid.benefit().toPlainString());
      row.put("recommendation", why == null ? messages.getMessage("allocation.table.fund", null, reader) : "—");
      row.put("reason", why == null ? "" : bid.status() == BidStatus.INELIGIBLE
          ? messages.getMessage("allocation.table.notEligible", new Object[] {
              DecisionTexts.say(reader, "bidEligibility", "reason", bid.statusReason())}, reader)
          : UnfundedReasons.stated(why, messages, reader));
      table.add(row);
      if (bid.status() == BidStatus.SCORED) {
        options.add(Map.of("label", bid.id() + " · " + bid.content().title() + " · "
            + amount(bid.content().cost(), reader), "value", bid.id()));
      }
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("roundName", round.name());
    variables.put("allocationSummary", summary(round, recommendation, warning, messages, reader));
    variables.put("allocationTable", Spin.JSON(table));
    variables.put("bidOptions", Spin.JSON(options));
    variables.put("reserveText", messages.getMessage("allocation.reserveLeft",
        new Object[] {amount(round.reserveLeft(), reader)}, reader));
    List<Map<String, Object>> envelopes = new ArrayList<>();
    if (result.envelopes() != null) {
      for (AllocationResult.EnvelopeUse use : result.envelopes()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("segment", use.segment());
        row.put("envelope", amount(use.envelope(), reader));
        row.put("spent", amount(use.spent(), reader));
        row.put("left", amount(use.envelope() - use.spent(), reader));
        envelopes.add(row);
      }
    }
    variables.put("segmentEnvelopes", result.envelopes() != null);
    variables.put("envelopeTable", Spin.JSON(envelopes));
    return variables;
  }

  /** The summary in English, as the recommendation's warning is stored. */
  public static String summary(BudgetRound round, Recommendation recommendation) {
    return summary(round, recommendation, recommendation.warning(), Bundles.standalone(), Locale.ENGLISH);
  }

  /**
   * What "Decide allocation" says above the table, in the reader's language: the envelope, what is recommended,
   * whether it is proven optimal, what the envelopes cost, the sensitivity, who is next in line, and the warning
   * ({@code warning}: a text of the bundles, or a String said as it is; null for none).
   */
  public static String summary(BudgetRound round, Recommendation recommendation, Object warning,
      MessageSource texts, Locale reader) {
    AllocationResult result = recommendation.result();
    Said say = new Said(texts, reader);
    StringBuilder text = new StringBuilder()
        .append(say.text("allocation.summary.envelope", amount(round.envelope(), reader),
            amount(round.reserve(), reader), BidDisplay.decimal(round.reservePercent().stripTrailingZeros(), reader),
            amount(result.available(), reader))).append("\n\n")
        .append(say.text("allocation.summary.recommended", result.funded().size(),
            amount(result.totalCost(), reader), BidDisplay.decimal(result.totalBenefit(), reader)))
        .append("\n\n").append(proof(result, say));
    if (result.envelopeCost() != null) {
      text.append("\n\n").append(envelopeCost(result, say));
    }
    if (result.sensitivity() != null) {
      text.append("\n\n").append(say.text("allocation.summary.sensitivity",
          point(result.sensitivity().minus10Percent(), say), point(result.sensitivity().plus10Percent(), say)));
    }
    if (!result.nextInLine().isEmpty()) {
      text.append("\n\n").append(say.text("allocation.summary.nextInLine", result.nextInLine().stream()
          .map(n -> say.text("allocation.summary.needs", n.id(), amount(n.extraBudget(), reader)))
          .collect(Collectors.joining(", "))));
    }
    if (warning != null) {
      text.append("\n\n").append(say.text("allocation.summary.warning", warning));
    }
    return text.toString();
  }

  /** Whether the proposal is the best there is, said plainly; if not proven, by how much it might fall short. */
  public static String proof(AllocationResult result) {
    return proof(result, new Said(Bundles.standalone(), Locale.ENGLISH));
  }

  private static String proof(AllocationResult result, Said say) {
    if (result.optimal()) {
      return say.text("allocation.proof.optimal");
    }
    String text = say.text("allocation.proof.notOptimal");
    if (result.gap() == null || result.upperBound() == null) {
      return text + " " + say.text("allocation.proof.gapUnknown");
    }
    return text + " " + say.text("allocation.proof.gap", say.decimal(result.gap()),
        say.decimal(result.upperBound()));
  }

  /** What the segment envelopes cost in benefit: the optimum without them minus the recommendation's benefit. */
  public static String envelopeCost(AllocationResult result) {
    return envelopeCost(result, new Said(Bundles.standalone(), Locale.ENGLISH));
  }

  private static String envelopeCost(AllocationResult result, Said say) {
    AllocationResult.EnvelopeCost cost = result.envelopeCost();
    if (cost.withoutEnvelopes() == null) {
      return say.text("allocation.envelopes.unknown");
    }
    return say.text(cost.proven() ? "allocation.envelopes.cost" : "allocation.envelopes.costNotProven",
        say.decimal(cost.benefit()), say.decimal(cost.withoutEnvelopes()));
  }

  private static String point(AllocationResult.Point point, Said say) {
    return point.infeasible() || point.totalBenefit() == null ? say.text("allocation.point.nothingFits")
        : say.text(point.optimal() ? "allocation.point" : "allocation.point.notProven",
            say.decimal(point.totalBenefit()), point.fundedCount());
  }

  /** The texts of one reader. */
  private record Said(MessageSource texts, Locale reader) {

    String text(String key, Object... args) {
      return texts.getMessage(key, args, reader);
    }

    String decimal(java.math.BigDecimal value) {
      return BidDisplay.decimal(value, reader);
    }
  }
}
