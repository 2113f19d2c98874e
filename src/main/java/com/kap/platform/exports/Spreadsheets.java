package com.kap.platform.exports;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** New {@link Spreadsheet}s that show moments in KAP's time zone (the planning cycle's {@code kap.cycle.time-zone}). */
@Component
public class Spreadsheets {

  private final ZoneId zone;

  public Spreadsheets(@Value("${kap.cycle.time-zone}") ZoneId zone) {
    this.zone = zone;
  }

  public Spreadsheet create() {
    return new Spreadsheet(zone);
  }

  public ZoneId zone() {
    return zone;
  }
}
