package com.kap.budget.internal;

import com.kap.budget.Calibration;
import com.kap.budget.Recusal;
import com.kap.budget.ScoreCriterion;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scorecards, recusals and calibrations of bids. */
@Repository
public class ScoreRepository {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public ScoreRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /** Stores a scorecard; a second one of the same member for the same bid breaks the primary key. */
  public void save(Scorecard card) {
    jdbc.sql("insert into kap_bid_scorecard (bid_no, member, comment, scored_at) "
            + "values (:bidNo, :member, :comment, :scoredAt)")
        .param("bidNo", card.bidNo())
        .param("member", card.member())
        .param("comment", card.comment())
        .param("scoredAt", Timestamp.from(card.scoredAt()))
        .update();
    batches.batchUpdate("insert into kap_bid_score (bid_no, member, criterion, score) "
            + "values (:bidNo, :member, :criterion, :score)",
        card.scores().entrySet().stream()
            .map(e -> new MapSqlParameterSource()
                .addValue("bidNo", card.bidNo())
                .addValue("member", card.member())
                .addValue("criterion", e.getKey().key())
                .addValue("score", e.getValue()))
            .toArray(SqlParameterSource[]::new));
  }

  public List<Scorecard> scorecards(long bidNo) {
    Map<String, Map<ScoreCriterion, Integer>> scores = new LinkedHashMap<>();
    jdbc.sql("select member, criterion, score from kap_bid_score where bid_no = :bidNo order by member")
        .param("bidNo", bidNo)
        .query((ResultSet rs) -> {
          String member = rs.getString("member");
          int score = rs.getInt("score");
          ScoreCriterion.byKey(rs.getString("criterion")).ifPresent(criterion -> scores
              .computeIfAbsent(member, m -> new EnumMap<>(ScoreCriterion.class)).put(criterion, score));
        });
    List<Scorecard> cards = new ArrayList<>();
    jdbc.sql("select member, comment, scored_at from kap_bid_scorecard where bid_no = :bidNo order by member")
        .param("bidNo", bidNo)
        .query((ResultSet rs) -> {
          String member = rs.getString("member");
          cards.add(new Scorecard(bidNo, member, scores.getOrDefault(member, Map.of()), rs.getString("comment"),
              rs.getTimestamp("scored_at").toInstant()));
        });
    return cards;
  }

  public boolean hasScored(long bidNo, String member) {
    return jdbc.sql("select count(*) from kap_bid_scorecard where bid_no = :bidNo and member = :member")
        .param("bidNo", bidNo).param("member", member)
        .query(Integer.class).single() > 0;
  }

  public void recuse(Recusal recusal) {
    jdbc.sql("insert into kap_bid_recusal (bid_no, member, reason, recorded_at) "
            + "values (:bidNo, :member, :reason, :recordedAt)")
        .param("bidNo", recusal.bidNo())
        .param("member", recusal.member())
        .param("reason", recusal.reason())
        .param("recordedAt", Timestamp.from(recusal.recordedAt()))
        .update();
  }

  public List<Recusal> recusals(long bidNo) {
    return jdbc.sql("select * from kap_bid_recusal where bid_no = :bidNo order by member")
        .param("bidNo", bidNo)
        .query((rs, row) -> new Recusal(bidNo, rs.getString("member"), rs.getString("reason"),
            rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }

  public void calibrate(Calibration calibration) {
    jdbc.sql("insert into kap_bid_calibration (bid_no, criterion, score, reason, calibrated_by, calibrated_at) "
            + "values (:bidNo, :criterion, :score, :reason, :calibratedBy, :calibratedAt)")
        .param("bidNo", calibration.bidNo())
        .param("criterion", calibration.criterion().key())
        .param("score", calibration.score())
        .param("reason", calibration.reason())
        .param("calibratedBy", calibration.calibratedBy())
        .param("calibratedAt", Timestamp.from(calibration.calibratedAt()))
        .update();
  }

  public List<Calibration> calibrations(long bidNo) {
    return jdbc.sql("select * from kap_bid_calibration where bid_no = :bidNo order by criterion")
        .param("bidNo", bidNo)
        .query((rs, row) -> new Calibration(bidNo, ScoreCriterion.byKey(rs.getString("criterion")).orElseThrow(),
            rs.getBigDecimal("score"), rs.getString("reason"), rs.getString("calibrated_by"),
            rs.getTimestamp("calibrated_at").toInstant()))
        .list();
  }
}
