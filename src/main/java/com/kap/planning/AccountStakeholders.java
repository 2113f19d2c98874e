package com.kap.planning;

import com.kap.planning.internal.StakeholderRepository;
import com.kap.portfolio.PortfolioQueries;
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

  public AccountStakeholders(StakeholderRepository stakeholders, PortfolioQueries visibleAccounts) {
    this.stakeholders = stakeholders;
    this.visibleAccounts = visibleAccounts;
  }

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
