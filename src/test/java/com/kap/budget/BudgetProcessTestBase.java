package com.kap.budget;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.BudgetRoundRepository;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the budget process tests share: a {@link BudgetFixture} to drive rounds and bids, the repositories they check
 * against, and no round left open before or after each test.
 */
abstract class BudgetProcessTestBase {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired BidRepository bids;
  @Autowired BudgetRoundRepository rounds;
  @Autowired BudgetAudit audit;
  @Autowired AutowireCapableBeanFactory beans;

  BudgetFixture fixture;

  @BeforeEach
  void noOpenRounds() {
    fixture = beans.createBean(BudgetFixture.class);
    fixture.releaseOpenRounds();
  }

  @AfterEach
  void release() {
    fixture.releaseOpenRounds();
  }

  /** The bid's row in KAP's table. */
  Bid stored(ProcessInstance bid) {
    return bids.find(BudgetIds.bidNo(fixture.bidId(bid)).getAsLong()).orElseThrow();
  }
}
