package com.kap.rituals.web;

import com.kap.rituals.AccountStakeholderMap;
import com.kap.rituals.StakeholderContacts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's stakeholder map with each stakeholder's last contact, to the same people as the account's page: its
 * KAM, its executive sponsor, the programme director, the directors and the admin.
 */
@RestController
@RequestMapping("/api")
public class StakeholderController {

  private final StakeholderContacts stakeholders;

  public StakeholderController(StakeholderContacts stakeholders) {
    this.stakeholders = stakeholders;
  }

  /** 404 for an unknown account, 403 for one the caller may not see. */
  @GetMapping("/accounts/{accountId}/stakeholders")
  public AccountStakeholderMap stakeholders(@PathVariable String accountId) {
    return stakeholders.map(accountId);
  }
}
