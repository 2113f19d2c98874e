package com.kap.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.budget.Bid;
import com.kap.budget.BidRepository;
import com.kap.budget.BudgetRound;
import com.kap.budget.BudgetRoundRepository;
import com.kap.identity.KnownUsers;
import com.kap.identity.Roles;
import com.kap.portfolio.AccountRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The choices of KAP's start forms, for the person who opens them: a KAM's bid offers her own accounts and her own
 * bids in open rounds, a budget round the directors for its committee and chair. Tasklist gives start forms no
 * variables, so {@link StartFormOptions} serves these as the start form's variables, where Camunda Forms' selects
 * find them by their {@code valuesKey}. The server still checks every submitted value.
 */
@Component
public class StartFormChoices {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile StartFormChoices current;

  private final AccountRepository accounts;
  private final BidRepository bids;
  private final BudgetRoundRepository rounds;
  private final KnownUsers users;

  public StartFormChoices(AccountRepository accounts, BidRepository bids, BudgetRoundRepository rounds,
      KnownUsers users) {
    this.accounts = accounts;
    this.bids = bids;
    this.rounds = rounds;
    this.users = users;
    current = this;
  }

  /** The instance of the running application, for Jersey's providers, which Spring does not create. */
  static StartFormChoices current() {
    return current;
  }

  /** The option lists of the process's start form for {@code userId}, by their valuesKey; empty for other forms. */
  public Map<String, List<Map<String, String>>> forStartForm(String processKey, String userId) {
    Map<String, List<Map<String, String>>> choices = new LinkedHashMap<>();
    switch (processKey) {
      case "investmentBid" -> {
        choices.put("accountOptions", accounts.findByKam(userId).stream()
            .map(a -> option(a.name() + " (" + a.accountId() + ")", a.accountId())).toList());
        Set<Long> open = openRounds();
        choices.put("bidOptions", bids.findByKam(userId).stream()
            .filter(b -> open.contains(b.roundNo()) && b.status() != Bid.Status.WITHDRAWN)
            .sorted(Comparator.comparingLong(Bid::bidNo))
            .map(b -> option(b.id() + " — " + b.content().title(), b.id())).toList());
      }
      case "budgetRound" -> choices.put("directorOptions", directors());
      default -> {
        // no choices to offer
      }
    }
    return choices;
  }

  /** The choices as Camunda's REST API shows variables: Json values Tasklist parses for the form. */
  public Map<String, Map<String, Object>> asVariables(Map<String, List<Map<String, String>>> choices) {
    Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
    choices.forEach((name, options) -> {
      try {
        variables.put(name, Map.of("type", "Json", "value", JSON.writeValueAsString(options), "valueInfo", Map.of()));
      } catch (JsonProcessingException impossible) {
        throw new IllegalStateException(impossible);
      }
    });
    return variables;
  }

  private Set<Long> openRounds() {
    return rounds.findAll().stream().filter(r -> r.status() == BudgetRound.Status.OPEN)
        .map(BudgetRound::roundNo).collect(java.util.stream.Collectors.toSet());
  }

  private List<Map<String, String>> directors() {
    List<Map<String, String>> options = new ArrayList<>();
    for (User user : users.membersByName(Roles.DIRECTOR)) {
      options.add(option(KnownUsers.displayName(user) + " (" + user.getId() + ")", user.getId()));
    }
    return options;
  }

  private static Map<String, String> option(String label, String value) {
    return Map.of("label", label, "value", value);
  }
}
