package com.kap.platform.exports;

import com.kap.platform.i18n.Bundles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;

/**
 * An .xlsx workbook of tables, written by Apache POI: each sheet has a header row of readable labels (bold, frozen,
 * with a filter), then one row per record with typed cells (numbers as numbers, days and moments as dates, in KAP's
 * time zone), and columns as wide as their content (up to {@value #MAX_WIDTH} characters).
 *
 * <p>A workbook is written in a language: its yes/no words and its date cells' display ({@code 2043-03-15} in
 * English, {@code 15/03/2043} in French; the cells stay dates) follow it, and {@link #text} gives its sheet names
 * and headers from KAP's bundles ({@code i18n/exports*.properties}). Numbers stay numbers, which Excel shows with
 * the reader's own separators.
 */
public final class Spreadsheet {

  public static final MediaType MEDIA_TYPE =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private static final int MAX_WIDTH = 60;
  private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
  private static final Map<Column.Type, Integer> TYPE_WIDTH = Map.of(Column.Type.DATE, 10, Column.Type.DATE_TIME, 16,
      Column.Type.YES_NO, 3);

  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final ZoneId zone;
  private final Locale locale;
  private final MessageSource messages;
  private final String yes;
  private final String no;
  private final CellStyle header;
  private final Map<Column.Type, CellStyle> styles = new EnumMap<>(Column.Type.class);

  /** A workbook in English. @param zone the time zone moments are shown in */
  public Spreadsheet(ZoneId zone) {
    this(zone, Locale.ENGLISH, Bundles.standalone());
  }

  /**
   * @param zone the time zone moments are shown in
   * @param locale the reader's language
   * @param messages KAP's texts, for {@link #text} and the yes/no words
   */
  public Spreadsheet(ZoneId zone, Locale locale, MessageSource messages) {
    this.zone = zone;
    this.locale = locale;
    this.messages = messages;
    this.yes = text("export.yes");
    this.no = text("export.no");
    boolean french = "fr".equals(locale.getLanguage());
    header = workbook.createCellStyle();
    Font bold = workbook.createFont();
    bold.setBold(true);
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);
    var formats = workbook.createDataFormat();
    for (Column.Type type : Column.Type.values()) {
      CellStyle style = workbook.createCellStyle();
      String format = switch (type) {
        case INTEGER -> "0";
        case AMOUNT -> "#,##0";
        case DECIMAL -> "0.00";
        case DATE -> french ? "dd/mm/yyyy" : "yyyy-mm-dd";
        case DATE_TIME -> french ? "dd/mm/yyyy hh:mm" : "yyyy-mm-dd hh:mm";
        case TEXT, YES_NO -> "@";
      };
      style.setDataFormat(formats.getFormat(format));
      styles.put(type, style);
    }
  }

  /** A text of KAP's bundles in the workbook's language, e.g. a sheet's name or a column's header. */
  public String text(String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  /** Adds a sheet of the rows, one column each, in order. */
  @SafeVarargs
  public final <T> Spreadsheet sheet(String name, List<T> rows, Column<T>... columns) {
    Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
    int[] widths = new int[columns.length];
    Row head = sheet.createRow(0);
    for (int c = 0; c < columns.length; c++) {
      Cell cell = head.createCell(c);
      cell.setCellValue(columns[c].label());
      cell.setCellStyle(header);
      widths[c] = Math.max(columns[c].label().length(), TYPE_WIDTH.getOrDefault(columns[c].type(), 0));
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      for (int c = 0; c < columns.length; c++) {
        Object value = columns[c].value().apply(rows.get(r));
        if (value != null) {
          widths[c] = Math.max(widths[c], write(row.createCell(c), columns[c].type(), value));
        }
      }
    }
    for (int c = 0; c < columns.length; c++) {
      sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH) + 2) * 256);
    }
    sheet.createFreezePane(0, 1);
    if (columns.length > 0) {
      sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, columns.length - 1));
    }
    return this;
  }

  /** Writes the value in the column's type; answers how many characters wide it shows. */
  private int write(Cell cell, Column.Type type, Object value) {
    cell.setCellStyle(styles.get(type));
    switch (type) {
      case INTEGER, AMOUNT, DECIMAL -> {
        Number number = (Number) value;
        cell.setCellValue(number.doubleValue());
        return switch (type) {
          case AMOUNT -> String.format("%,d", Math.round(number.doubleValue())).length();
          case DECIMAL -> (number instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(number.doubleValue()))
              .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().length();
          default -> String.valueOf(Math.round(number.doubleValue())).length();
        };
      }
      case DATE -> {
        cell.setCellValue((LocalDate) value);
        return 10;
      }
      case DATE_TIME -> {
        cell.setCellValue(LocalDateTime.ofInstant((Instant) value, zone));
        return 16;
      }
      case YES_NO -> {
        String text = Boolean.TRUE.equals(value) ? yes : no;
        cell.setCellValue(text);
        return text.length();
      }
      default -> {
        String text = value.toString();
        if (text.length() > MAX_TEXT) {
          text = text.substring(0, MAX_TEXT - 1) + "…";
        }
        cell.setCellValue(text);
        return Arrays.stream(text.split("\n")).mapToInt(String::length).max().orElse(0);
      }
    }
  }

  /** The workbook as .xlsx bytes; the workbook is closed. */
  public byte[] toBytes() {
    try (XSSFWorkbook book = workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the spreadsheet could not be written", e);
    }
  }
}
