package com.kap.platform.rules;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** kap_rule_weights and kap_rule_weight: the weights each cycle and round recorded when it started. */
@Repository
class RuleWeightsRepository {

  private final JdbcTemplate jdbc;

  RuleWeightsRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(RecordedWeights recorded) {
    Weights weights = recorded.weights();
    jdbc.update("insert into kap_rule_weights (decision_key, scope, used_by, decision_definition_id, decision_version,"
            + " recorded_at) values (?, ?, ?, ?, ?, ?)", weights.decisionKey(), recorded.scope(), recorded.usedBy(),
        weights.decisionDefinitionId(), weights.version(), Timestamp.from(recorded.recordedAt()));
    List<Object[]> rows = new ArrayList<>();
    int position = 0;
    for (Map.Entry<String, BigDecimal> weight : weights.values().entrySet()) {
      rows.add(new Object[] {weights.decisionKey(), recorded.scope(), position++, weight.getKey(), weight.getValue()});
    }
    jdbc.batchUpdate("insert into kap_rule_weight (decision_key, scope, position, criterion, weight)"
        + " values (?, ?, ?, ?, ?)", rows);
  }

  Optional<RecordedWeights> find(String decisionKey, String scope) {
    return read(" where w.decision_key = ? and w.scope = ?", decisionKey, scope).stream().findFirst();
  }

  /** Every record, oldest first. */
  List<RecordedWeights> findAll() {
    return read("");
  }

  void delete(String decisionKey, String scope) {
    jdbc.update("delete from kap_rule_weight where decision_key = ? and scope = ?", decisionKey, scope);
    jdbc.update("delete from kap_rule_weights where decision_key = ? and scope = ?", decisionKey, scope);
  }

  private List<RecordedWeights> read(String where, Object... args) {
    record Head(String key, String scope, String usedBy, String definitionId, int version, Instant at,
        Map<String, BigDecimal> values) {}
    Map<String, Head> heads = new LinkedHashMap<>();
    jdbc.query("select w.decision_key, w.scope, w.used_by, w.decision_definition_id, w.decision_version,"
        + " w.recorded_at, v.criterion, v.weight from kap_rule_weights w"
        + " join kap_rule_weight v on v.decision_key = w.decision_key and v.scope = w.scope" + where
        + " order by w.recorded_at, w.decision_key, w.scope, v.position", rs -> {
          String key = rs.getString("decision_key");
          String scope = rs.getString("scope");
          Head head = heads.computeIfAbsent(key + "\n" + scope, k -> {
            try {
              return new Head(key, scope, rs.getString("used_by"), rs.getString("decision_definition_id"),
                  rs.getInt("decision_version"), rs.getTimestamp("recorded_at").toInstant(), new LinkedHashMap<>());
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          head.values().put(rs.getString("criterion"), RuleWeights.plain(rs.getBigDecimal("weight")));
        }, args);
    return heads.values().stream().map(h -> new RecordedWeights(h.scope(), h.usedBy(),
        new Weights(h.key(), h.definitionId(), h.version(), h.values()), h.at())).toList();
  }
}
