package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.budget.internal.WorkingDays;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {

  @ParameterizedTest
  @CsvSource({
      "2026-11-23, 10, 2026-12-07", // Monday → two weeks later
      "2026-11-27, 1, 2026-11-30",  // Friday → Monday
      "2026-11-28, 1, 2026-11-30",  // Saturday → Monday
      "2026-12-24, 10, 2027-01-07", // over the year end
      "2026-11-26, 0, 2026-11-26"})
  void countsMondayToFriday(LocalDate from, int days, LocalDate expected) {
    assertThat(WorkingDays.after(from, days)).isEqualTo(expected);
  }
}
