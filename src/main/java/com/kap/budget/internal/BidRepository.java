package com.kap.budget.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class BidRepository {

  private final JdbcTemplate jdbc;

  public BidRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a new bid (revision 1, submitted) and returns its number. */
  public long insert(long roundNo, String accountId, String kam, BidContent content, String processInstanceId,
      Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into kap_bid (round_no, account_id, kam, title, category, "
          + "cost, expected_margin, success_probability, co_investment, objectives, exclusive_group, requires_bid, "
          + "must_fund, must_fund_reason, revision, status, process_instance_id, submitted_at, updated_at) "
          + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'SUBMITTED', ?, ?, ?)", new String[] {"bid_no"});
      statement.setLong(1, roundNo);
      statement.setString(2, accountId);
      statement.setString(3, kam);
      statement.setString(4, content.title());
      statement.setString(5, content.category());
      statement.setLong(6, content.cost());
      statement.setLong(7, content.expectedMargin());
      statement.setBigDecimal(8, content.successProbability());
      statement.setLong(9, content.coInvestment());
      statement.setString(10, content.objectives());
      statement.setString(11, content.exclusiveGroup());
      if (content.requiresBid() == null) {
        statement.setNull(12, Types.BIGINT);
      } else {
        statement.setLong(12, content.requiresBid());
      }
      statement.setBoolean(13, content.mustFund());
      statement.setString(14, content.mustFundReason());
      statement.setString(15, processInstanceId);
      statement.setTimestamp(16, Timestamp.from(at));
      statement.setTimestamp(17, Timestamp.from(at));
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  /** Stores a revision while the bid is still submitted; returns the new revision number. */
  public int revise(long bidNo, BidContent content, Instant at) {
    jdbc.update("update kap_bid set title = ?, category = ?, cost = ?, expected_margin = ?, success_probability = ?, "
            + "co_investment = ?, objectives = ?, exclusive_group = ?, requires_bid = ?, must_fund = ?, "
            + "must_fund_reason = ?, revision = revision + 1, updated_at = ? where bid_no = ? and status = 'SUBMITTED'",
        content.title(), content.category(), content.cost(), content.expectedMargin(), content.successProbability(),
        content.coInvestment(), content.objectives(), content.exclusiveGroup(), content.requiresBid(),
        content.mustFund(), content.mustFundReason(), Timestamp.from(at), bidNo);
    return jdbc.queryForObject("select revision from kap_bid where bid_no = ?", Integer.class, bidNo);
  }

  public Optional<Bid> find(long bidNo) {
    return jdbc.query("select * from kap_bid where bid_no = ?", this::bid, bidNo).stream().findFirst();
  }

  public List<Bid> findByRound(long roundNo) {
    return jdbc.query("select * from kap_bid where round_no = ? order by bid_no", this::bid, roundNo);
  }

  public List<Bid> findByKam(String kam) {
    return jdbc.query("select * from kap_bid where kam = ? order by bid_no", this::bid, kam);
  }

  public List<Bid> findByRoundAndStatus(long roundNo, Bid.Status status) {
    return jdbc.query("select * from kap_bid where round_no = ? and status = ? order by bid_no", this::bid, roundNo,
        status.name());
  }

  public void updateStatus(long bidNo, Bid.Status status, String reason) {
    jdbc.update("update kap_bid set status = ?, status_reason = ? where bid_no = ?", status.name(), reason, bidNo);
  }

  public void recordBenefit(long bidNo, BigDecimal benefit) {
    jdbc.update("update kap_bid set benefit = ?, status = 'SCORED' where bid_no = ?", benefit, bidNo);
  }

  public void fundFromReserve(long bidNo, String reason) {
    jdbc.update("update kap_bid set status = 'FUNDED', status_reason = ?, funded_from_reserve = true where bid_no = ?",
        reason, bidNo);
  }

  private Bid bid(ResultSet rs, int row) throws SQLException {
    long requires = rs.getLong("requires_bid");
    Long requiresBid = rs.wasNull() ? null : requires;
    BidContent content = new BidContent(rs.getString("title"), rs.getString("category"), rs.getLong("cost"),
        rs.getLong("expected_margin"), rs.getBigDecimal("success_probability"), rs.getLong("co_investment"),
        rs.getString("objectives"), rs.getString("exclusive_group"), requiresBid, rs.getBoolean("must_fund"),
        rs.getString("must_fund_reason"));
    return new Bid(rs.getLong("bid_no"), rs.getLong("round_no"), rs.getString("account_id"), rs.getString("kam"),
        content, rs.getInt("revision"), Bid.Status.valueOf(rs.getString("status")), rs.getString("status_reason"),
        rs.getBigDecimal("benefit"), rs.getBoolean("funded_from_reserve"), rs.getString("process_instance_id"),
        rs.getTimestamp("submitted_at").toInstant());
  }
}
