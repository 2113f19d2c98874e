package com.kap.budget.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Scorecards, recusals and calibrations of bids. */
@Repository
public class ScoreRepository {

  private final JdbcTemplate jdbc;

  public ScoreRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a scorecard; a second one of the same member for the same bid breaks the primary key. */
  public void save(Scorecard card) {
    jdbc.update("insert into kap_bid_scorecard (bid_no, member, comment, scored_at) values (?, ?, ?, ?)",
        card.bidNo(), card.member(), card.comment(), Timestamp.from(card.scoredAt()));
    jdbc.batchUpdate("insert into kap_bid_score (bid_no, member, criterion, score) values (?, ?, ?, ?)",
        card.scores().entrySet().stream()
            .map(e -> new Object[] {card.bidNo(), card.member(), e.getKey().key(), e.getValue()}).toList());
  }

  public List<Scorecard> scorecards(long bidNo) {
    Map<String, Map<ScoreCriterion, Integer>> scores = new LinkedHashMap<>();
    jdbc.query("select member, criterion, score from kap_bid_score where bid_no = ? order by member", rs -> {
      String member = rs.getString("member");
      int score = rs.getInt("score");
      ScoreCriterion.byKey(rs.getString("criterion")).ifPresent(criterion -> scores
          .computeIfAbsent(member, m -> new EnumMap<>(ScoreCriterion.class)).put(criterion, score));
    }, bidNo);
    List<Scorecard> cards = new ArrayList<>();
    jdbc.query("select member, comment, scored_at from kap_bid_scorecard where bid_no = ? order by member", rs -> {
      String member = rs.getString("member");
      cards.add(new Scorecard(bidNo, member, scores.getOrDefault(member, Map.of()), rs.getString("comment"),
          rs.getTimestamp("scored_at").toInstant()));
    }, bidNo);
    return cards;
  }

  public boolean hasScored(long bidNo, String member) {
    return jdbc.queryForObject("select count(*) from kap_bid_scorecard where bid_no = ? and member = ?", Integer.class,
        bidNo, member) > 0;
  }

  public void recuse(Recusal recusal) {
    jdbc.update("insert into kap_bid_recusal (bid_no, member, reason, recorded_at) values (?, ?, ?, ?)",
        recusal.bidNo(), recusal.member(), recusal.reason(), Timestamp.from(recusal.recordedAt()));
  }

  public List<Recusal> recusals(long bidNo) {
    return jdbc.query("select * from kap_bid_recusal where bid_no = ? order by member",
        (rs, row) -> new Recusal(bidNo, rs.getString("member"), rs.getString("reason"),
            rs.getTimestamp("recorded_at").toInstant()), bidNo);
  }

  public void calibrate(Calibration calibration) {
    jdbc.update("insert into kap_bid_calibration (bid_no, criterion, score, reason, calibrated_by, calibrated_at) "
            + "values (?, ?, ?, ?, ?, ?)", calibration.bidNo(), calibration.criterion().key(), calibration.score(),
        calibration.reason(), calibration.calibratedBy(), Timestamp.from(calibration.calibratedAt()));
  }

  public List<Calibration> calibrations(long bidNo) {
    return jdbc.query("select * from kap_bid_calibration where bid_no = ? order by criterion",
        (rs, row) -> new Calibration(bidNo, ScoreCriterion.byKey(rs.getString("criterion")).orElseThrow(),
            rs.getBigDecimal("score"), rs.getString("reason"), rs.getString("calibrated_by"),
            rs.getTimestamp("calibrated_at").toInstant()), bidNo);
  }
}
