package com.kap.rituals.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account's stakeholders who took part in its rituals ({@code kap_ritual_participant}, V13). */
@Repository
public class ParticipantRepository {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public ParticipantRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /** The stakeholders who took part in the ritual, replacing any recorded before. */
  public void record(long occurrenceNo, String accountId, List<String> names) {
    jdbc.sql("delete from kap_ritual_participant where occurrence_no = :no").param("no", occurrenceNo).update();
    if (names.isEmpty()) {
      return;
    }
    batches.batchUpdate("insert into kap_ritual_participant (occurrence_no, account_id, stakeholder_name) "
        + "values (:no, :accountId, :name)", names.stream().map(name -> new MapSqlParameterSource()
            .addValue("no", occurrenceNo).addValue("accountId", accountId).addValue("name", name))
        .toArray(SqlParameterSource[]::new));
  }

  /**
   * Each stakeholder's last contact: the day of the latest ritual held with them, by their name in lower case.
   */
  public Map<String, LocalDate> lastContacts(String accountId) {
    Map<String, LocalDate> last = new HashMap<>();
    jdbc.sql("select p.stakeholder_name, max(o.held_date) as last_held from kap_ritual_participant p "
            + "join kap_ritual_occurrence o on o.occurrence_no = p.occurrence_no "
            + "where p.account_id = :accountId and o.status = 'HELD' and o.held_date is not null "
            + "group by p.stakeholder_name")
        .param("accountId", accountId)
        .query((rs, row) -> {
          last.merge(rs.getString("stakeholder_name").strip().toLowerCase(Locale.ROOT),
              rs.getDate("last_held").toLocalDate(), (a, b) -> a.isAfter(b) ? a : b);
          return null;
        })
        .list();
    return last;
  }

  /** Who took part in the ritual, in the order recorded. */
  public List<String> of(long occurrenceNo) {
    return jdbc.sql("select stakeholder_name from kap_ritual_participant where occurrence_no = :no "
            + "order by stakeholder_name")
        .param("no", occurrenceNo).query(String.class).list();
  }
}
