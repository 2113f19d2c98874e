package com.kap.planning;

import com.kap.planning.internal.PlanQualityGate.CoverageRule;
import com.kap.planning.internal.StakeholderCoverage;
import com.kap.planning.internal.StakeholderRepository;
import com.kap.portfolio.PortfolioQueries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Each account's stakeholder map, kept from its plans: the list of the latest plan version that passed the quality
 * gate. The rituals module offers its people as a ritual's customer participants.
 */
@Service
public class AccountStakeholders {

  private final StakeholderRepository stakeholders;
  private final PortfolioQueries visibleAccounts;
  private final StakeholderCoverage coverage;

  public AccountStakeholders(StakeholderRepository stakeholders, PortfolioQueries visibleAccounts,
      StakeholderCoverage coverage) {
    this.stakeholders = stakeholders;
    this.visibleAccounts = visibleAccounts;
    this.coverage = coverage;
  }

  /** Every account's map (its stakeholders in the plan's order), read in one query; accounts without one are absent. */
  public Map<String, List<PlanContent.Stakeholder>> allMaps() {
    return stakeholders.findAll();
  }

  /**
   * A check of stakeholder maps against the stakeholder coverage (DMN stakeholderCoverage) the quality gate applies,
   * which evaluates the table once per segment however many maps it checks.
   */
  public CoverageCheck coverageCheck() {
    return new CoverageCheck(coverage);
  }

  /** See {@link #coverageCheck()}; not thread-safe, one per use. */
  public static final class CoverageCheck {

    private final StakeholderCoverage coverage;
    private final Map<String, List<CoverageRule>> rules = new HashMap<>();

    private CoverageCheck(StakeholderCoverage coverage) {
      this.coverage = coverage;
    }

    /**
     * What the map lacks for the segment, one entry per coverage rule not met: the buying role held by nobody, or
     * only by stakeholders without a relationship owner where the rule asks for one. Empty when the map meets every
     * rule, or the segment has none.
     */
    public List<CoverageGap> missing(String segment, List<PlanContent.Stakeholder> map) {
      List<CoverageRule> segmentRules = rules.computeIfAbsent(segment, coverage::ofAsKap);
      List<PlanContent.Stakeholder> held = map == null ? List.of() : map;
      List<CoverageGap> missing = new ArrayList<>();
      for (CoverageRule rule : segmentRules) {
        boolean met = held.stream().anyMatch(s -> rule.role().equals(s.buyingRole())
            && (!rule.ownerRequired() || (s.owner() != null && !s.owner().isBlank())));
        if (!met) {
          missing.add(new CoverageGap(rule.role(), rule.ownerRequired()));
        }
      }
      return missing;
    }
  }

  /**
   * A coverage rule (DMN stakeholderCoverage) a map does not meet: the buying role it needs ({@code decisionMaker},
   * a value of the draft form's {@code stakeholders[].buyingRole}), and whether with a relationship owner of ours.
   */
  public record CoverageGap(String role, boolean ownerRequired) {}

  /** The account's map, if any plan gave it one; for the engine's work, with no check of the caller. */
  public Optional<StakeholderMap> of(String accountId) {
    return stakeholders.find(accountId);
  }

  /**
   * The map as the account's page and API show it: to the account's KAM, its sponsor, the programme director and
   * the directors.
   *
   * @throws com.kap.platform.web.ApiException 404 for an unknown account, 403 for one the caller may not see
   */
  public Optional<StakeholderMap> visibleTo(String accountId) {
    visibleAccounts.accountView(accountId);
    return stakeholders.find(accountId);
  }
}
