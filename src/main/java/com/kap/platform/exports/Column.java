package com.kap.platform.exports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * A column of a {@link Spreadsheet} sheet: its header label, the type of its cells and how a row gives its value
 * (null leaves the cell blank).
 */
public record Column<T>(String label, Type type, Function<T, ?> value) {

  /** What a column's cells hold, and how they look. */
  public enum Type {
    /** Text as typed. */
    TEXT,
    /** A whole number without thousands separators: a year, a version. */
    INTEGER,
    /** A whole amount with thousands separators: a cost, an envelope. */
    AMOUNT,
    /** A number with two decimals shown (the cell keeps every decimal): a score. */
    DECIMAL,
    /** A day. */
    DATE,
    /** A moment, shown in KAP's time zone to the minute. */
    DATE_TIME,
    /** "Yes" or "No". */
    YES_NO
  }

  public static <T> Column<T> text(String label, Function<T, String> value) {
    return new Column<>(label, Type.TEXT, value);
  }

  public static <T> Column<T> integer(String label, Function<T, ? extends Number> value) {
    return new Column<>(label, Type.INTEGER, value);
  }

  public static <T> Column<T> amount(String label, Function<T, ? extends Number> value) {
    return new Column<>(label, Type.AMOUNT, value);
  }

  public static <T> Column<T> decimal(String label, Function<T, ? extends Number> value) {
    return new Column<>(label, Type.DECIMAL, value);
  }

  public static <T> Column<T> date(String label, Function<T, LocalDate> value) {
    return new Column<>(label, Type.DATE, value);
  }

  public static <T> Column<T> dateTime(String label, Function<T, Instant> value) {
    return new Column<>(label, Type.DATE_TIME, value);
  }

  public static <T> Column<T> yesNo(String label, Function<T, Boolean> value) {
    return new Column<>(label, Type.YES_NO, value);
  }
}
