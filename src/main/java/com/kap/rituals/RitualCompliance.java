package com.kap.rituals;

import com.kap.planning.CycleCalendar;
import com.kap.planning.RitualComplianceSource;
import com.kap.portfolio.Portfolio;
import com.kap.rituals.internal.OccurrenceRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Rituals held against rituals due (their day passed), per account, segment and KAM: the proof that the
 * relationship rituals happen. Not-yet-due rituals count as planned only.
 */
@Component
public class RitualCompliance implements RitualComplianceSource {

  public record Rate(int planned, int due, int held, BigDecimal heldShare) {
    public static Rate of(int planned, int due, int held) {
      return new Rate(planned, due, held, due == 0 ? null
          : BigDecimal.valueOf(held).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP));
    }

    public Rate plus(Rate other) {
      return of(planned + other.planned, due + other.due, held + other.held);
    }
  }

  public record AccountRate(String accountId, String kam, String segment, Rate rate) {}

  public record Compliance(Rate total, Map<String, Rate> bySegment, Map<String, Rate> byKam,
      List<AccountRate> byAccount) {}

  private final OccurrenceRepository occurrences;
  private final Portfolio portfolio;
  private final CycleCalendar calendar;
  private final Clock clock;

  public RitualCompliance(OccurrenceRepository occurrences, Portfolio portfolio, CycleCalendar calendar,
      Clock clock) {
    this.occurrences = occurrences;
    this.portfolio = portfolio;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Compliance complianceOf(int year) {
    return of(year);
  }

  @Override
  public List<AccountRitualCount> perAccount(int year) {
    return occurrences.tallies(year, clock.instant().atZone(calendar.properties().timeZone()).toLocalDate()).stream()
        .map(tally -> new AccountRitualCount(tally.accountId(), tally.planned(), tally.due(), tally.held()))
        .toList();
  }

  public Compliance of(int year) {
    Rate total = Rate.of(0, 0, 0);
    Map<String, Rate> bySegment = new TreeMap<>();
    Map<String, Rate> byKam = new TreeMap<>();
    List<AccountRate> byAccount = new ArrayList<>();
    Map<String, String> kams = new HashMap<>();
    portfolio.accounts().forEach(account -> kams.put(account.accountId(), account.kam()));
    for (Map<String, Object> row : occurrences.compliance(year,
        clock.instant().atZone(calendar.properties().timeZone()).toLocalDate())) {
      Rate rate = Rate.of(number(row, "PLANNED"), number(row, "DUE"), number(row, "HELD"));
      String segment = (String) value(row, "SEGMENT");
      String accountId = (String) value(row, "ACCOUNT_ID");
      String kam = kams.get(accountId);
      byAccount.add(new AccountRate(accountId, kam, segment, rate));
      bySegment.merge(segment, rate, Rate::plus);
      byKam.merge(kam, rate, Rate::plus);
      total = total.plus(rate);
    }
    return new Compliance(total, bySegment, byKam, byAccount);
  }

  /** Column labels come upper-case from H2 and lower-case from PostgreSQL. */
  private static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column) ? row.get(column) : row.get(column.toLowerCase());
  }

  private static int number(Map<String, Object> row, String column) {
    Object value = value(row, column);
    return value == null ? 0 : ((Number) value).intValue();
  }
}
