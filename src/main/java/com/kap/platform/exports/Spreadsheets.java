package com.kap.platform.exports;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * New {@link Spreadsheet}s that show moments in KAP's time zone (the planning cycle's {@code kap.cycle.time-zone}),
 * in a reader's language.
 */
@Component
public class Spreadsheets {

  private final ZoneId zone;
  private final MessageSource messages;

  public Spreadsheets(@Value("${kap.cycle.time-zone}") ZoneId zone, MessageSource messages) {
    this.zone = zone;
    this.messages = messages;
  }

  /** A workbook in English. */
  public Spreadsheet create() {
    return create(Locale.ENGLISH);
  }

  /** A workbook in the reader's language (docs/i18n.md, "Exports"). */
  public Spreadsheet create(Locale locale) {
    return new Spreadsheet(zone, locale, messages);
  }

  public ZoneId zone() {
    return zone;
  }
}
