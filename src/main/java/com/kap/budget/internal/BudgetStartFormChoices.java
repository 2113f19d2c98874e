package com.kap.budget.internal;

import static com.kap.platform.tasklist.StartFormChoiceSource.option;

import com.kap.budget.BidStatus;
import com.kap.budget.RoundStatus;
import com.kap.platform.identity.KnownUsers;
import com.kap.platform.identity.Roles;
import com.kap.platform.tasklist.StartFormChoiceSource;
import com.kap.portfolio.Portfolio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The choices of the budget's start forms: a KAM's bid offers her own accounts and her own bids in open rounds, a
 * budget round the directors for its committee and chair.
 */
@Component
public class BudgetStartFormChoices implements StartFormChoiceSource {

  private final Portfolio accounts;
  private final BidRepository bids;
  private final BudgetRoundRepository rounds;
  private final KnownUsers users;

  public BudgetStartFormChoices(Portfolio accounts, BidRepository bids, BudgetRoundRepository rounds,
      KnownUsers users) {
    this.accounts = accounts;
    this.bids = bids;
    this.rounds = rounds;
    this.users = users;
  }

  @Override
  public Map<String, List<Map<String, String>>> choices(String processKey, String userId) {
    Map<String, List<Map<String, String>>> choices = new LinkedHashMap<>();
    switch (processKey) {
      case "investmentBid" -> {
        choices.put("accountOptions", accounts.accountsOf(userId).stream()
            .map(a -> option(a.name() + " (" + a.accountId() + ")", a.accountId())).toList());
        Set<Long> open = openRounds();
        choices.put("bidOptions", bids.findByKam(userId).stream()
            .filter(b -> open.contains(b.roundNo()) && b.status() != BidStatus.WITHDRAWN)
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

  private Set<Long> openRounds() {
    return rounds.findAll().stream().filter(r -> r.status() == RoundStatus.OPEN)
        .map(BudgetRound::roundNo).collect(Collectors.toSet());
  }

  private List<Map<String, String>> directors() {
    List<Map<String, String>> options = new ArrayList<>();
    for (User user : users.membersByName(Roles.DIRECTOR)) {
      options.add(option(KnownUsers.displayName(user) + " (" + user.getId() + ")", user.getId()));
    }
    return options;
  }
}
