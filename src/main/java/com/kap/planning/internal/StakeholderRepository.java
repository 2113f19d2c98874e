package com.kap.planning.internal;

import com.kap.planning.PlanContent.Stakeholder;
import com.kap.planning.StakeholderMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each account's stakeholder map ({@code kap_stakeholder}, V13): the list of the plan version it came from. */
@Repository
public class StakeholderRepository {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public StakeholderRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /**
   * The plan version's list becomes the account's map, unless the map already comes from a later year's plan (a
   * late submission of an older year changes nothing).
   */
  public void replace(String accountId, int year, int version, List<Stakeholder> stakeholders) {
    Integer newest = jdbc.sql("select max(plan_year) from kap_stakeholder where account_id = :accountId")
        .param("accountId", accountId).query(Integer.class).optional().orElse(null);
    if (newest != null && newest > year) {
      return;
    }
    jdbc.sql("delete from kap_stakeholder where account_id = :accountId").param("accountId", accountId).update();
    if (stakeholders.isEmpty()) {
      return;
    }
    MapSqlParameterSource[] rows = new MapSqlParameterSource[stakeholders.size()];
    for (int i = 0; i < stakeholders.size(); i++) {
      Stakeholder s = stakeholders.get(i);
      rows[i] = new MapSqlParameterSource()
          .addValue("accountId", accountId).addValue("position", i).addValue("name", s.name())
          .addValue("title", s.title()).addValue("role", s.buyingRole()).addValue("influence", s.influence())
          .addValue("attitude", s.attitude()).addValue("owner", s.owner()).addValue("reportsTo", s.reportsTo())
          .addValue("year", year).addValue("version", version);
    }
    batches.batchUpdate("insert into kap_stakeholder (account_id, position, name, title, buying_role, influence, "
        + "attitude, relationship_owner, reports_to, plan_year, plan_version) values (:accountId, :position, :name, "
        + ":title, :role, :influence, :attitude, :owner, :reportsTo, :year, :version)", (SqlParameterSource[]) rows);
  }

  public Optional<StakeholderMap> find(String accountId) {
    List<Row> rows = jdbc.sql("select name, title, buying_role, influence, attitude, relationship_owner, reports_to, "
            + "plan_year, plan_version from kap_stakeholder where account_id = :accountId order by position")
        .param("accountId", accountId)
        .query((rs, n) -> new Row(new Stakeholder(rs.getString("name"), rs.getString("title"),
            rs.getString("buying_role"), rs.getString("influence"), rs.getString("attitude"),
            rs.getString("relationship_owner"), rs.getString("reports_to")), rs.getInt("plan_year"),
            rs.getInt("plan_version")))
        .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new StakeholderMap(accountId, rows.get(0).year(), rows.get(0).version(),
        rows.stream().map(Row::stakeholder).toList()));
  }

  /** Every account's map (its stakeholders in order), in one query: for the health of all accounts at once. */
  public Map<String, List<Stakeholder>> findAll() {
    Map<String, List<Stakeholder>> maps = new HashMap<>();
    jdbc.sql("select account_id, name, title, buying_role, influence, attitude, relationship_owner, reports_to "
            + "from kap_stakeholder order by account_id, position")
        .query(rs -> {
          maps.computeIfAbsent(rs.getString("account_id"), id -> new ArrayList<>()).add(new Stakeholder(
              rs.getString("name"), rs.getString("title"), rs.getString("buying_role"), rs.getString("influence"),
              rs.getString("attitude"), rs.getString("relationship_owner"), rs.getString("reports_to")));
        });
    return maps;
  }

  private record Row(Stakeholder stakeholder, int year, int version) {}
}
