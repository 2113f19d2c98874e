package com.kap.budget;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidDisplay;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BidScores;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.ScoreRepository;
import com.kap.budget.internal.Scorecard;
import com.kap.budget.internal.ScorecardWeights;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.operations.BusinessMetrics;
import com.kap.portfolio.Account;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Service;

/**
 * A bid's scoring by the round's committee: recusals, blind scorecards, the chair's calibration where the members'
 * scores spread too far, and the benefit that the optimiser maximises, with the scorecard weights the round recorded
 * when it opened (DMN bidScorecardWeights). The bid's process hands over its forms and
 * the bid's business key (B-12) and shows the variables these return.
 */
@Service
public class Scorecards {

  /** The scorecard's comment field; the scores have one field per criterion. */
  public static final String COMMENT = "scoreComment";

  /**
   * @param benefit the bid's weighted score; @param roundId its round; @param allBidsScored whether it was the
   *     round's last bid to score, so that the round goes on to its allocation
   */
  public record BenefitComputed(BigDecimal benefit, String roundId, boolean allBidsScored) {}

  private final BidFacts facts;
  private final BidRepository bids;
  private final BudgetRoundRepository rounds;
  private final ScoreRepository scores;
  private final BudgetAudit audit;
  private final BusinessMetrics metrics;
  private final Clock clock;
  private final ScorecardWeights weights;
  private final UserLocales locales;

  public Scorecards(BidFacts facts, BidRepository bids, BudgetRoundRepository rounds, ScoreRepository scores,
      BudgetAudit audit, BusinessMetrics metrics, Clock clock, ScorecardWeights weights, UserLocales locales) {
    this.weights = weights;
    this.locales = locales;
    this.facts = facts;
    this.bids = bids;
    this.rounds = rounds;
    this.scores = scores;
    this.audit = audit;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** The fields of one member's scorecard: a score per criterion and the comment. */
  public List<String> scorecardFields() {
    List<String> fields = new ArrayList<>();
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      fields.add(criterion.scoreField());
    }
    fields.add(COMMENT);
    return fields;
  }

  /**
   * Before scoring: a committee member who sponsors the bid's account is recused (no "Score bid" task), and the
   * recusal is recorded.
   *
   * @return the variables of the scoring form's summary of the bid
   */
  public Map<String, Object> assignScorers(String bidId) {
    Bid bid = facts.bid(bidId);
    Account account = facts.account(bid);
    boolean recordedBefore = !scores.recusals(bid.bidNo()).isEmpty();
    for (String member : rounds.members(bid.roundNo())) {
      if (!recordedBefore && member.equals(account.sponsor())) {
        String reason = member + " is the executive sponsor of " + account.name() + " (" + account.accountId() + ")";
        scores.recuse(new Recusal(bid.bidNo(), member, reason, clock.instant()));
        audit.record(bid.roundNo(), bid.bidNo(), AuditAction.RECUSAL, null, null, member, reason);
      }
    }
    BudgetRound round = facts.round(bid);
    // each scorer reads it in their own language (bidSummary(bidId, scorer)); this one in the committee's, when
    // they share one, else the installation's
    List<Locale> languages = facts.scorers(bid).stream().map(locales::of).distinct().toList();
    Map<String, Object> variables = BidDisplay.variables(bid, round, account, facts.segment(bid, round).label(),
        languages.size() == 1 ? languages.get(0) : locales.defaultLocale());
    variables.putAll(weightVariables(weights.ofRound(round)));
    return variables;
  }

  /** What a scorer reads of the bid in "Score bid", in the scorer's language. */
  public String bidSummary(String bidId, String scorer) {
    Bid bid = facts.bid(bidId);
    BudgetRound round = facts.round(bid);
    return BidDisplay.summary(bid, facts.account(bid), facts.segment(bid, round).label(), locales.of(scorer));
  }

  /** The round's weight of each criterion for the forms' labels, e.g. weightStrategicFit "25". */
  private static Map<String, Object> weightVariables(Map<ScoreCriterion, BigDecimal> roundWeights) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      variables.put(criterion.weightVariable(), roundWeights.get(criterion).toPlainString());
    }
    return variables;
  }

  /** Checks and stores a member's scorecard, once per member, under the member who submitted it. */
  public void record(String bidId, String member, FormValues values) {
    Bid bid = facts.bid(bidId);
    if (!facts.scorers(bid).contains(member)) {
      throw new InvalidFormData("scoreComment", Problem.of("score.notMember", member, bid.id()));
    }
    if (scores.hasScored(bid.bidNo(), member)) {
      throw new InvalidFormData("scoreComment", Problem.of("score.already", member, bid.id()));
    }
    Map<ScoreCriterion, Integer> card = new EnumMap<>(ScoreCriterion.class);
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      card.put(criterion, values.integer(criterion.scoreField(), 0, ScoreCriterion.MAX_SCORE));
    }
    String comment = values.text(COMMENT, true, BidForm.LONG_TEXT);
    scores.save(new Scorecard(bid.bidNo(), member, card, comment, clock.instant()));
    audit.record(bid.roundNo(), bid.bidNo(), AuditAction.SCORE, member, null, describe(card), comment);
    metrics.bidScored();
  }

  private static String describe(Map<ScoreCriterion, ? extends Number> scores) {
    StringBuilder text = new StringBuilder();
    scores.forEach((criterion, score) -> text.append(text.isEmpty() ? "" : ", ").append(criterion.key()).append(' ')
        .append(score));
    return text.toString();
  }

  /**
   * What "Calibrate scores" shows once all members have scored: every score, and the criteria to settle.
   *
   * @return a flag per criterion and the table of scores
   */
  public Map<String, Object> calibrationView(String bidId) {
    Bid bid = facts.bid(bidId);
    BidScores all = BidScores.of(scores.scorecards(bid.bidNo()), scores.calibrations(bid.bidNo()));
    Set<ScoreCriterion> flagged = all.spreadTooFar();
    Map<ScoreCriterion, BigDecimal> roundWeights = weights.ofRound(facts.round(bid));
    Map<String, Object> variables = new LinkedHashMap<>();
    List<Map<String, Object>> table = new ArrayList<>();
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("criterion", criterion.label());
      row.put("weight", roundWeights.get(criterion));
      row.put("scores", all.cards().stream().map(c -> c.member() + " " + c.scores().get(criterion))
          .collect(Collectors.joining(" · ")));
      row.put("spread", all.spread(criterion));
      row.put("flagged", flagged.contains(criterion) ? "yes" : "");
      table.add(row);
      variables.put(criterion.flagVariable(), flagged.contains(criterion));
    }
    variables.put("scoreTable", Spin.JSON(table));
    variables.putAll(weightVariables(roundWeights));
    return variables;
  }

  /**
   * Stores the chair's agreed score and reason for every criterion that spread and is not calibrated yet.
   *
   * @param user who completes "Calibrate scores"; null when nobody is signed in, which counts as the calibrator
   */
  public void calibrate(String bidId, FormValues values, String user) {
    Bid bid = facts.bid(bidId);
    BidScores all = BidScores.of(scores.scorecards(bid.bidNo()), scores.calibrations(bid.bidNo()));
    String reason = values.text("calibrationReason", true, BidForm.LONG_TEXT);
    // who was assigned the task, only when nobody is signed in: finding that out takes four queries
    String chair = user != null ? user : facts.calibrator(bid);
    for (ScoreCriterion criterion : all.spreadTooFar()) {
      if (all.calibration(criterion) != null) {
        continue;
      }
      BigDecimal score = values.decimal(criterion.calibratedField(), BigDecimal.ZERO,
          BigDecimal.valueOf(ScoreCriterion.MAX_SCORE), 1);
      scores.calibrate(new Calibration(bid.bidNo(), criterion, score, reason, chair, clock.instant()));
      String before = all.cards().stream().map(c -> c.member() + " " + c.scores().get(criterion))
          .collect(Collectors.joining(", "));
      audit.record(bid.roundNo(), bid.bidNo(), AuditAction.CALIBRATION, chair, criterion.key() + ": " + before,
          criterion.key() + ": " + score.toPlainString(), reason);
    }
  }

  /**
   * After scoring (and calibration): stores the bid's benefit, the weighted score the optimiser maximises.
   *
   * @return nothing when the bid's benefit was computed already (a retried job)
   */
  public Optional<BenefitComputed> computeBenefit(String bidId) {
    Bid bid = facts.bid(bidId);
    if (bid.status() != BidStatus.ELIGIBLE) {
      return Optional.empty(); // a retried job: counted already
    }
    BudgetRound round = facts.round(bid);
    BigDecimal benefit = BidScores.of(scores.scorecards(bid.bidNo()), scores.calibrations(bid.bidNo()))
        .benefit(weights.ofRound(round));
    bids.recordBenefit(bid.bidNo(), benefit);
    audit.record(bid.roundNo(), bid.bidNo(), AuditAction.BENEFIT, null, null, benefit.toPlainString(), null);
    int scored = rounds.countScored(bid.roundNo());
    return Optional.of(new BenefitComputed(benefit, round.id(),
        round.status() == RoundStatus.SCORING && scored >= round.bidsToScore()));
  }
}
