package com.kap.rituals.web;

import com.kap.rituals.AccountHealth;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An account's health: its score, the reasons and its history, to those who may see the account. */
@RestController
@RequestMapping("/api")
public class AccountHealthController {

  private final AccountHealth health;

  public AccountHealthController(AccountHealth health) {
    this.health = health;
  }

  /**
   * The account's health of the cycle year ({@code year}, this year by default), computed now: {@code score}
   * (0-100), {@code reasons} (why it lost points) and {@code history} (the stored snapshots, latest first, each
   * {@code date}, {@code score}, {@code reasons}). Visible as {@code GET /api/accounts/{accountId}}: 403, 404.
   */
  @GetMapping("/accounts/{accountId}/health")
  public AccountHealth.Health health(@PathVariable String accountId,
      @RequestParam(name = "year", required = false) Integer year) {
    return health.of(accountId, year);
  }
}
