package com.kap.rituals.web;

import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.KnownUsers;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioQueries;
import com.kap.rituals.Occurrence;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.rituals.internal.RitualIcs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A KAM's ritual calendar as iCalendar, and an account's rituals with their actions. */
@RestController
@RequestMapping("/api")
public class RitualController {

  private final OccurrenceRepository occurrences;
  private final Portfolio accounts;
  private final PortfolioQueries portfolio;
  private final CurrentUser currentUser;
  private final KnownUsers users;

  public RitualController(OccurrenceRepository occurrences, Portfolio accounts, PortfolioQueries portfolio,
      CurrentUser currentUser, KnownUsers users) {
    this.users = users;
    this.occurrences = occurrences;
    this.accounts = accounts;
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
    boolean programmeDirector = users.membersOf(Roles.PROGRAMME_DIRECTOR).contains(kam);
    // a calendar client polls the feed: each account's name is read once, not once per ritual
    Map<String, String> accountNames = new HashMap<>();
    List<RitualIcs.IcsEvent> events = occurrences.findForUser(kam,
            accounts.accountsOf(kam).stream().map(a -> a.accountId()).toList(), programmeDirector).stream()
        .map(occurrence -> event(occurrence, accountNames.computeIfAbsent(occurrence.accountId(),
            id -> accounts.account(id).map(a -> a.name()).orElse(id))))
        .toList();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
        .body(RitualIcs.write("KAP rituals — " + kam, events));
  }

  public record AccountRituals(String accountId, int year, List<Occurrence> occurrences,
      List<OccurrenceRepository.Action> actions) {}

  /** An account's rituals of a year, with every action agreed in them; visible as the account is. */
  @GetMapping("/accounts/{accountId}/rituals/{year}")
  public AccountRituals rituals(@PathVariable String accountId, @PathVariable int year) {
    portfolio.accountView(accountId); // 404 unknown, 403 not visible to the caller
    return new AccountRituals(accountId, year, occurrences.findByPlan(year, accountId).stream()
        .filter(o -> o.status() != Occurrence.Status.PROPOSED).toList(), occurrences.actions(accountId));
  }

  private static RitualIcs.IcsEvent event(Occurrence occurrence, String account) {
    String description = occurrence.type().label() + " — " + account + " (" + occurrence.accountId() + ")"
        + "\nHost: " + (occurrence.host() == null ? "the programme director" : occurrence.host())
        + (occurrence.customerParticipants() == null ? "" : "\nCustomer: " + occurrence.customerParticipants())
        + "\nStatus in KAP: " + occurrence.status().name().toLowerCase().replace('_', ' ');
    return new RitualIcs.IcsEvent("ritual-" + occurrence.occurrenceNo() + "@kap.example", occurrence.sequence(),
        occurrence.plannedDate(), occurrence.type().label() + " — " + account, description,
        occurrence.status() == Occurrence.Status.CANCELLED, occurrence.updatedAt());
  }
}
