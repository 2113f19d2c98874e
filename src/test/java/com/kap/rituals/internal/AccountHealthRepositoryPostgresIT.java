package com.kap.rituals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.KapPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The health queries and the conditional insert on a real PostgreSQL (the application's tests run on H2): the
 * migrations, every read for one account and for all, and a day stored once.
 */
class AccountHealthRepositoryPostgresIT {

  private static EmbeddedPostgres server;
  private static JdbcTemplate jdbc;
  private static AccountHealthRepository repository;

  @BeforeAll
  static void start() throws Exception {
    server = KapPostgres.start();
    DataSource dataSource = new DriverManagerDataSource(KapPostgres.url(server), "kap", KapPostgres.PASSWORD);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    repository = new AccountHealthRepository(JdbcClient.create(dataSource));
    for (String id : new String[] {"A1", "A2"}) {
      jdbc.update("insert into kap_account (account_id, name, region, kam, spend, profit_potential, growth, "
          + "strategic_fit, partnership_openness, reference_value, solution_fit, delivery_reliability, "
          + "relationship_depth, value_vs_price, share_of_wallet, ease_of_business, updated_at) values "
          + "(?, ?, 'EMEA', 'alice', 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, current_timestamp)", id, id);
      jdbc.update("insert into kap_ritual_plan (cycle_year, account_id, segment, status, process_instance_id, "
          + "updated_at) values (2146, ?, 'Strategic', 'ACTIVE', 'p', current_timestamp)", id);
    }
    occurrence("A1", "2146-01-10", "HELD", 4);
    occurrence("A1", "2146-02-10", "HELD", 3);
    occurrence("A1", "2146-03-10", "MISSED", null);
    occurrence("A2", "2146-09-10", "PLANNED", null);
    jdbc.update("insert into kap_follow_up_action (cycle_year, account_id, source, source_key, action, owner, "
        + "assignee, due_date, status, updated_at) values (2146, 'A1', 'RITUAL', '1/0', 'x', 'alice', 'alice', "
        + "date '2146-05-01', 'OPEN', current_timestamp)");
    long review = jdbc.queryForObject("select occurrence_no from kap_ritual_occurrence where account_id = 'A1' "
        + "and planned_date = date '2146-02-10'", Long.class);
    jdbc.update("insert into kap_review_actual (occurrence_no, objective_no, plan_year, plan_version, objective, "
        + "target, actual) values (?, 0, 2146, 1, 'Margin', '€2M', 1.5)", review);
  }

  private static void occurrence(String account, String day, String status, Integer satisfaction) {
    jdbc.update("insert into kap_ritual_occurrence (cycle_year, account_id, ritual_type, planned_date, status, "
        + "held_date, satisfaction, updated_at) values (2146, ?, 'customerBusinessReview', ?, ?, ?, ?, "
        + "current_timestamp)", account, java.sql.Date.valueOf(day), status,
        "HELD".equals(status) ? java.sql.Date.valueOf(day) : null, satisfaction);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theInputsAreReadForOneAccountOrAll() {
    LocalDate today = LocalDate.of(2146, 6, 1);
    Map<String, AccountHealthRepository.RitualFigures> all = repository.rituals(2146, today, null);
    assertThat(all.get("A1")).isEqualTo(new AccountHealthRepository.RitualFigures(2, 3, 3.5));
    assertThat(all.get("A2")).isEqualTo(new AccountHealthRepository.RitualFigures(0, 0, null));
    assertThat(repository.rituals(2146, today, "A1")).containsOnlyKeys("A1");
    assertThat(repository.overdueActions(2146, today, null)).isEqualTo(Map.of("A1", 1));
    assertThat(repository.overdueActions(2146, today, "A2")).isEmpty();
    assertThat(repository.reviewedObjectives(2146, null).get("A1")).singleElement()
        .satisfies(o -> assertThat(o.target()).isEqualTo("€2M"));
  }

  @Test
  void aDayIsStoredOnceAndTheLatestReadInOneQuery() {
    LocalDate day = LocalDate.of(2146, 6, 1);
    assertThat(repository.insert(2146, "A1", day.minusDays(1), 70, "a", Instant.now())).isTrue();
    assertThat(repository.insert(2146, "A1", day, 60, "a\nb", Instant.now())).isTrue();
    assertThat(repository.insert(2146, "A1", day, 50, "c", Instant.now())).as("the day has one").isFalse();
    assertThat(repository.insert(2146, "A2", day, 100, "", Instant.now())).isTrue();
    assertThat(repository.latest(2146)).extracting(AccountHealthRepository.Snapshot::score)
        .containsExactlyInAnyOrder(60, 100);
    assertThat(repository.latestBefore(2146, day, null).get("A1").score()).isEqualTo(70);
    assertThat(repository.on(2146, day, "A1").get("A1").reasons()).isEqualTo("a\nb");
    repository.update(2146, "A1", day, 55, "d", Instant.now());
    assertThat(repository.history(2146, "A1")).extracting(AccountHealthRepository.Snapshot::score)
        .containsExactly(55, 70);
    repository.delete(2146, "A1", day);
    assertThat(repository.history(2146, "A1")).hasSize(1);
    assertThat(repository.on(2146, day, "A2").get("A2").reasons()).isEmpty();
  }
}
