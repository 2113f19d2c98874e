package com.kap.platform.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.platform.i18n.Bundles;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The .xlsx helper on its own: typed cells, blank nulls, the frozen header, widths and the limits of a cell. */
class SpreadsheetTest {

  record Line(String name, Integer year, Long cost, BigDecimal score, LocalDate due, Instant at, Boolean ok) {}

  @Test
  void typedCellsUnderAFrozenHeader() throws Exception {
    List<Line> lines = List.of(
        new Line("Atlas", 2043, 70_000L, new BigDecimal("81.6667"), LocalDate.of(2043, 3, 31),
            Instant.parse("2043-01-02T10:15:30Z"), true),
        new Line(null, null, null, null, null, null, null));
    byte[] xlsx = new Spreadsheet(ZoneId.of("Europe/Paris")).sheet("Lines: 2043/1?", lines,
        Column.text("Name", Line::name), Column.integer("Year", Line::year), Column.amount("Cost", Line::cost),
        Column.decimal("Score", Line::score), Column.date("Due", Line::due), Column.dateTime("At", Line::at),
        Column.yesNo("OK", Line::ok)).toBytes();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).as("characters a sheet name may not hold are replaced")
          .isEqualTo("Lines  2043 1 ");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
      assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
      Row row = sheet.getRow(1);
      DataFormatter shown = new DataFormatter(Locale.ENGLISH);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Atlas");
      assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(2043.0);
      assertThat(shown.formatCellValue(row.getCell(1))).isEqualTo("2043");
      assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(70_000.0);
      assertThat(shown.formatCellValue(row.getCell(2))).isEqualTo("70,000");
      assertThat(row.getCell(3).getNumericCellValue()).as("the cell keeps every decimal").isEqualTo(81.6667);
      assertThat(shown.formatCellValue(row.getCell(3))).isEqualTo("81.67");
      assertThat(DateUtil.isCellDateFormatted(row.getCell(4))).isTrue();
      assertThat(row.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2043, 3, 31, 0, 0));
      assertThat(row.getCell(5).getLocalDateTimeCellValue()).as("in the zone given")
          .isEqualTo(LocalDateTime.of(2043, 1, 2, 11, 15, 30));
      assertThat(shown.formatCellValue(row.getCell(5))).isEqualTo("2043-01-02 11:15");
      assertThat(row.getCell(6).getStringCellValue()).isEqualTo("Yes");
      Row blank = sheet.getRow(2);
      for (int c = 0; c < 7; c++) {
        assertThat(blank.getCell(c)).as("null is a blank cell").isNull();
      }
      assertThat(sheet.getColumnWidth(5)).as("a moment's column fits it").isGreaterThanOrEqualTo(16 * 256);
    }
  }

  @Test
  void aFrenchWorkbookSaysOuiNonAndShowsFrenchDatesInDateCells() throws Exception {
    Spreadsheet french = new Spreadsheet(ZoneId.of("UTC"), Locale.FRENCH, Bundles.standalone());
    record Day(LocalDate due, Instant at, boolean ok, long cost) {}
    byte[] xlsx = french.sheet(french.text("export.plans.sheet", 2043),
        List.of(new Day(LocalDate.of(2043, 3, 15), Instant.parse("2043-03-15T10:30:00Z"), true, 1234)),
        Column.date("Échéance", Day::due), Column.dateTime("Le", Day::at), Column.yesNo("OK", Day::ok),
        Column.amount("Coût", Day::cost)).toBytes();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheet("Plans 2043");
      Row row = sheet.getRow(1);
      DataFormatter shown = new DataFormatter(Locale.FRENCH);
      assertThat(DateUtil.isCellDateFormatted(row.getCell(0))).as("a date cell still").isTrue();
      assertThat(shown.formatCellValue(row.getCell(0))).isEqualTo("15/03/2043");
      assertThat(shown.formatCellValue(row.getCell(1))).isEqualTo("15/03/2043 10:30");
      assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Oui");
      assertThat(row.getCell(3).getNumericCellValue()).as("a number still").isEqualTo(1234.0);
    }
  }

  @Test
  void longTextIsCutToWhatACellHoldsAndColumnsToSixtyCharacters() throws Exception {
    String huge = "x".repeat(40_000);
    byte[] xlsx = new Spreadsheet(ZoneId.of("UTC")).sheet("Long", List.of(huge), Column.text("Text", t -> t))
        .toBytes();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheet("Long");
      assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).hasSize(32_767).endsWith("…");
      assertThat(sheet.getColumnWidth(0)).isEqualTo(62 * 256);
    }
  }

  @Test
  void anEmptySheetStillHasItsHeader() throws Exception {
    byte[] xlsx = new Spreadsheet(ZoneId.of("UTC")).sheet("Empty", List.<String>of(), Column.text("Bid", t -> t))
        .toBytes();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheet("Empty");
      assertThat(sheet.getLastRowNum()).isZero();
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Bid");
    }
  }

  @Test
  void fileNamesArePlainLettersDigitsAndDashes() {
    assertThat(Downloads.fileName("account-plan", "2043", "ACC-003", "Nordwind Énergie, GmbH"))
        .isEqualTo("account-plan-2043-ACC-003-Nordwind-Energie-GmbH");
    assertThat(Downloads.fileName("kap-allocation", "R-7", "\"Q1\" / global: 100 %", null))
        .isEqualTo("kap-allocation-R-7-Q1-global-100");
    assertThat(Downloads.fileName("x", "a".repeat(80))).hasSize(62);
  }
}
