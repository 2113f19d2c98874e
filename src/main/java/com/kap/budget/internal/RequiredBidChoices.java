package com.kap.budget.internal;

import com.kap.budget.BidStatus;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * The "Requires bid" picker of "Revise or withdraw bid": the KAM's other bids in the same round that are still in
 * play. Each of the KAM's open bids gets the list again whenever a bid of theirs enters the round or leaves it.
 */
@Component
public class RequiredBidChoices {

  public static final String VARIABLE = "bidOptions";

  private final BidRepository bids;

  public RequiredBidChoices(BidRepository bids) {
    this.bids = bids;
  }

  /**
   * Offers every open bid of {@code kam} in the round the others it may require. It runs inside the engine's
   * command of the KAM's submission and writes the other bids' instances directly: the KAM may not write process
   * variables through the engine's API, and KAP, not the KAM, keeps these lists.
   */
  public void refresh(String kam, long roundNo) {
    List<Bid> open = openBids(kam, roundNo);
    for (Bid bid : open) {
      ExecutionEntity instance = bid.processInstanceId() == null ? null
          : Context.getCommandContext().getExecutionManager().findExecutionById(bid.processInstanceId());
      if (instance != null) {
        instance.setVariable(VARIABLE, Spin.JSON(options(open, bid)));
      }
    }
  }

  private List<Bid> openBids(String kam, long roundNo) {
    return bids.findByKam(kam).stream()
        .filter(b -> b.roundNo() == roundNo && b.status() == BidStatus.SUBMITTED).toList();
  }

  private static List<Map<String, String>> options(List<Bid> open, Bid bid) {
    return open.stream().filter(other -> other.bidNo() != bid.bidNo())
        .map(other -> Map.of("label", other.id() + " — " + other.content().title(), "value", other.id())).toList();
  }
}
