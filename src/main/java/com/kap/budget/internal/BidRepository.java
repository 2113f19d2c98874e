package com.kap.budget.internal;

import com.kap.budget.BidContent;
import com.kap.budget.BidStatus;
import com.kap.planning.BudgetFiguresSource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class BidRepository {

  private final JdbcClient jdbc;

  public BidRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a new bid (revision 1, submitted) and returns its number. */
  public long insert(long roundNo, String accountId, String kam, BidContent content, String processInstanceId,
      Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    content(jdbc.sql("insert into kap_bid (round_no, account_id, kam, title, category, cost, expected_margin, "
            + "success_probability, co_investment, objectives, exclusive_group, requires_bid, must_fund, "
            + "must_fund_reason, revision, status, process_instance_id, submitted_at, updated_at) values (:roundNo, "
            + ":accountId, :kam, :title, :category, :cost, :expectedMargin, :successProbability, :coInvestment, "
            + ":objectives, :exclusiveGroup, :requiresBid, :mustFund, :mustFundReason, 1, 'SUBMITTED', "
            + ":processInstanceId, :at, :at)"), content)
        .param("roundNo", roundNo)
        .param("accountId", accountId)
        .param("kam", kam)
        .param("processInstanceId", processInstanceId)
        .param("at", Timestamp.from(at))
        .update(key, "bid_no");
    return key.getKey().longValue();
  }

  /** Stores a revision while the bid is still submitted; returns the new revision number. */
  public int revise(long bidNo, BidContent content, Instant at) {
    content(jdbc.sql("update kap_bid set title = :title, category = :category, cost = :cost, "
            + "expected_margin = :expectedMargin, success_probability = :successProbability, "
            + "co_investment = :coInvestment, objectives = :objectives, exclusive_group = :exclusiveGroup, "
            + "requires_bid = :requiresBid, must_fund = :mustFund, must_fund_reason = :mustFundReason, "
            + "revision = revision + 1, updated_at = :at where bid_no = :bidNo and status = 'SUBMITTED'"), content)
        .param("at", Timestamp.from(at))
        .param("bidNo", bidNo)
        .update();
    return jdbc.sql("select revision from kap_bid where bid_no = :bidNo").param("bidNo", bidNo)
        .query(Integer.class).single();
  }

  /** The bid's own fields as parameters of the same names. */
  private static JdbcClient.StatementSpec content(JdbcClient.StatementSpec statement, BidContent content) {
    return statement
        .param("title", content.title())
        .param("category", content.category())
        .param("cost", content.cost())
        .param("expectedMargin", content.expectedMargin())
        .param("successProbability", content.successProbability(), Types.DECIMAL)
        .param("coInvestment", content.coInvestment())
        .param("objectives", content.objectives())
        .param("exclusiveGroup", content.exclusiveGroup())
        .param("requiresBid", content.requiresBid(), Types.BIGINT)
        .param("mustFund", content.mustFund())
        .param("mustFundReason", content.mustFundReason());
  }

  public Optional<Bid> find(long bidNo) {
    return jdbc.sql("select * from kap_bid where bid_no = :bidNo").param("bidNo", bidNo).query(this::bid).list()
        .stream().findFirst();
  }

  /**
   * Account, cost and outcome of every bid of the rounds of a plan year whose call has closed, withdrawn ones left
   * out.
   */
  public List<BudgetFiguresSource.BidAmount> amountsOfYear(int planYear) {
    return jdbc.sql("select b.account_id, b.cost, b.status from kap_bid b join kap_budget_round r "
            + "on r.round_no = b.round_no where r.plan_year = :year and r.status <> 'OPEN' "
            + "and b.status <> 'WITHDRAWN'")
        .param("year", planYear)
        .query((rs, row) -> {
          String status = rs.getString("status");
          boolean funded = BidStatus.FUNDED.name().equals(status);
          return new BudgetFiguresSource.BidAmount(rs.getString("account_id"), rs.getLong("cost"), funded,
              funded || BidStatus.UNFUNDED.name().equals(status));
        })
        .list();
  }

  public List<Bid> findByRound(long roundNo) {
    return jdbc.sql("select * from kap_bid where round_no = :roundNo order by bid_no").param("roundNo", roundNo)
        .query(this::bid).list();
  }

  public List<Bid> findByKam(String kam) {
    return jdbc.sql("select * from kap_bid where kam = :kam order by bid_no").param("kam", kam).query(this::bid)
        .list();
  }

  public List<Bid> findByAccount(String accountId) {
    return jdbc.sql("select * from kap_bid where account_id = :accountId order by bid_no")
        .param("accountId", accountId).query(this::bid).list();
  }

  public List<Bid> findByRoundAndStatus(long roundNo, BidStatus status) {
    return jdbc.sql("select * from kap_bid where round_no = :roundNo and status = :status order by bid_no")
        .param("roundNo", roundNo).param("status", status.name())
        .query(this::bid).list();
  }

  public void updateStatus(long bidNo, BidStatus status, String reason) {
    jdbc.sql("update kap_bid set status = :status, status_reason = :reason where bid_no = :bidNo")
        .param("status", status.name()).param("reason", reason).param("bidNo", bidNo)
        .update();
  }

  public void recordBenefit(long bidNo, BigDecimal benefit) {
    jdbc.sql("update kap_bid set benefit = :benefit, status = 'SCORED' where bid_no = :bidNo")
        .param("benefit", benefit).param("bidNo", bidNo)
        .update();
  }

  public void fundFromReserve(long bidNo, String reason) {
    jdbc.sql("update kap_bid set status = 'FUNDED', status_reason = :reason, funded_from_reserve = true "
            + "where bid_no = :bidNo")
        .param("reason", reason).param("bidNo", bidNo)
        .update();
  }

  private Bid bid(ResultSet rs, int row) throws SQLException {
    long requires = rs.getLong("requires_bid");
    Long requiresBid = rs.wasNull() ? null : requires;
    BidContent content = new BidContent(rs.getString("title"), rs.getString("category"), rs.getLong("cost"),
        rs.getLong("expected_margin"), rs.getBigDecimal("success_probability"), rs.getLong("co_investment"),
        rs.getString("objectives"), rs.getString("exclusive_group"), requiresBid, rs.getBoolean("must_fund"),
        rs.getString("must_fund_reason"));
    return new Bid(rs.getLong("bid_no"), rs.getLong("round_no"), rs.getString("account_id"), rs.getString("kam"),
        content, rs.getInt("revision"), BidStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
        rs.getBigDecimal("benefit"), rs.getBoolean("funded_from_reserve"), rs.getString("process_instance_id"),
        rs.getTimestamp("submitted_at").toInstant());
  }
}
