package com.kap.budget.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.budget.AuditAction;
import com.kap.budget.RoundStatus;
import com.kap.platform.exports.Spreadsheet;
import com.kap.platform.i18n.Bundles;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every audit action and round status has its words in the allocation sheet in both languages: a new one without a
 * text would fail the export rather than show its key.
 */
class AllocationExportTextsTest {

  @Test
  void everyActionAndRoundStatusIsSaidInEnglishAndFrench() {
    Spreadsheet english = new Spreadsheet(ZoneId.of("UTC"));
    Spreadsheet french = new Spreadsheet(ZoneId.of("UTC"), Locale.FRENCH, Bundles.standalone());
    for (AuditAction action : AuditAction.values()) {
      assertThat(AllocationExportController.action(english, action)).isNotBlank();
      assertThat(AllocationExportController.action(french, action)).isNotBlank();
    }
    for (RoundStatus status : RoundStatus.values()) {
      assertThat(AllocationExportController.roundStatus(english, status)).isNotBlank();
      assertThat(AllocationExportController.roundStatus(french, status)).isNotBlank();
    }
    assertThat(AllocationExportController.action(english, AuditAction.ROUND_OPENED)).isEqualTo("Round opened");
    assertThat(AllocationExportController.action(french, AuditAction.ROUND_OPENED)).isEqualTo("Campagne ouverte");
    assertThat(AllocationExportController.roundStatus(french, RoundStatus.OPEN)).isEqualTo("Ouverte aux demandes");
  }
}
