package com.kap.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Downloads an export as a demo user and reads it back: a workbook with Apache POI, a PDF's text with PDFBox. */
public final class Exports {

  private final TestRestTemplate rest;

  public Exports(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** The answer to a GET as the user (password "demo"), or anonymously with user null; any Accept. */
  public ResponseEntity<byte[]> get(String user, String path) {
    TestRestTemplate as = user == null ? rest : rest.withBasicAuth(user, "demo");
    return as.exchange(path, HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), byte[].class);
  }

  /** The answer to a GET as the user, asking for a language ({@code Accept-Language}, e.g. "fr"). */
  public ResponseEntity<byte[]> get(String user, String path, String acceptLanguage) {
    TestRestTemplate as = user == null ? rest : rest.withBasicAuth(user, "demo");
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    return as.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  /** A refusal's problem detail (application/problem+json). */
  public static JsonNode problem(ResponseEntity<byte[]> answer) throws IOException {
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
    return new ObjectMapper().readTree(answer.getBody());
  }

  public static XSSFWorkbook workbook(byte[] xlsx) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
  }

  /**
   * The PDF's text as PDFBox extracts it, every run of white space (line breaks in table cells included) as one space.
   */
  public static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  /** Keeps the file under target/exports/ to look at after the test. */
  public static void keep(byte[] file, String name) throws IOException {
    Path folder = Path.of("target", "exports");
    Files.createDirectories(folder);
    Files.write(folder.resolve(name), file);
  }

  public static List<String> header(Sheet sheet) {
    List<String> labels = new ArrayList<>();
    sheet.getRow(0).forEach(cell -> labels.add(cell.getStringCellValue()));
    return labels;
  }

  /** The first row below the header whose cell under the label holds the text. */
  public static Row row(Sheet sheet, String label, String text) {
    int column = column(sheet, label);
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Cell cell = sheet.getRow(r).getCell(column);
      if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
        return sheet.getRow(r);
      }
    }
    throw new AssertionError("no row of sheet '" + sheet.getSheetName() + "' has " + label + " = " + text);
  }

  /** The rows below the header. */
  public static List<Row> rows(Sheet sheet) {
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      rows.add(sheet.getRow(r));
    }
    return rows;
  }

  /** The row's cell under the label; null when it is blank. */
  public static Cell cell(Row row, String label) {
    return row.getCell(column(row.getSheet(), label));
  }

  public static String text(Row row, String label) {
    Cell cell = cell(row, label);
    assertThat(cell.getCellType()).as(label + " is text").isEqualTo(CellType.STRING);
    return cell.getStringCellValue();
  }

  public static double number(Row row, String label) {
    Cell cell = cell(row, label);
    assertThat(cell.getCellType()).as(label + " is a number").isEqualTo(CellType.NUMERIC);
    assertThat(DateUtil.isCellDateFormatted(cell)).as(label + " is no date").isFalse();
    return cell.getNumericCellValue();
  }

  public static java.time.LocalDateTime date(Row row, String label) {
    Cell cell = cell(row, label);
    assertThat(cell.getCellType()).as(label + " is a number").isEqualTo(CellType.NUMERIC);
    assertThat(DateUtil.isCellDateFormatted(cell)).as(label + " is formatted as a date").isTrue();
    return cell.getLocalDateTimeCellValue();
  }

  /** The cell as Excel shows it, e.g. "70,000" or "2043-03-31". */
  public static String shown(Row row, String label) {
    return new DataFormatter(java.util.Locale.ENGLISH).formatCellValue(cell(row, label));
  }

  private static int column(Sheet sheet, String label) {
    int column = header(sheet).indexOf(label);
    assertThat(column).as("sheet '" + sheet.getSheetName() + "' has a column " + label).isNotNegative();
    return column;
  }

  /** The header is frozen, and every column is wider than Excel's default of 8 characters' width. */
  public static void assertFrozenHeaderAndWidths(Sheet sheet) {
    assertThat(sheet.getPaneInformation()).as("frozen panes").isNotNull();
    assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
    assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).as("the first row below the frozen header")
        .isEqualTo((short) 1);
    for (int c = 0; c < header(sheet).size(); c++) {
      assertThat(sheet.getColumnWidth(c)).as("width of column " + header(sheet).get(c))
          .isGreaterThan(header(sheet).get(c).length() * 256);
    }
  }
}
