package com.kap.rituals.web;

import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.PortfolioQueries;
import com.kap.rituals.AccountRituals;
import com.kap.rituals.FollowUps;
import com.kap.rituals.PlanProgress;
import com.kap.rituals.Rituals;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A KAM's ritual calendar as iCalendar, an account's rituals with their actions, and its plan's progress. */
@RestController
@RequestMapping("/api")
public class RitualController {

  private final Rituals rituals;
  private final FollowUps followUps;
  private final PortfolioQueries portfolio;
  private final CurrentUser currentUser;

  public RitualController(Rituals rituals, FollowUps followUps, PortfolioQueries portfolio, CurrentUser currentUser) {
    this.rituals = rituals;
    this.followUps = followUps;
    this.portfolio = portfolio;
    this.currentUser = currentUser;
  }

  /**
   * Every planned ritual the user hosts or manages as KAM: one VEVENT each, with a UID that stays, a SEQUENCE that
   * grows when the date moves, and STATUS:CANCELLED for cancelled ones. A KAM fetches their own only.
   */
  @GetMapping(value = "/rituals/calendar.ics", produces = "text/calendar")
  public ResponseEntity<String> calendar(@RequestParam("kam") String kam) {
    if (!kam.equals(currentUser.id())) {
      currentUser.require(Roles.PROGRAMME_DIRECTOR, Roles.ADMIN);
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
        .body(rituals.calendarOf(kam));
  }

  /** An account's rituals of a year, with every action agreed in them; visible as the account is. */
  @GetMapping("/accounts/{accountId}/rituals/{year}")
  public AccountRituals rituals(@PathVariable String accountId, @PathVariable int year) {
    portfolio.accountView(accountId); // 404 unknown, 403 not visible to the caller
    return rituals.accountRituals(accountId, year);
  }

  /**
   * How the account's plan of the year is going: per objective of the approved plan the latest actual a plan review
   * recorded against its target (in percent), and the plan's and rituals' actions done of all; visible as the
   * account's plans are.
   */
  @GetMapping("/accounts/{accountId}/plans/{year}/progress")
  public PlanProgress progress(@PathVariable String accountId, @PathVariable int year) {
    return followUps.progress(year, accountId);
  }
}
