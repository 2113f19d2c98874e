package com.kap.rituals.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationResult;

/** Ritual calendars as iCalendar (RFC 5545) for the calendar clients of KAMs, sponsors and directors. */
public final class RitualIcs {

  public static final String PRODUCT_ID = "-//KAP//Key Account Planning//EN";

  // METHOD:PUBLISH (RFC 5546) requires an ORGANIZER; KAP publishes, and .example is reserved so no reply reaches anyone
  public static final URI ORGANIZER = URI.create("mailto:noreply@kap.example");

  private static final String CRLF = "\r\n";
  private static final int MAX_LINE_OCTETS = 75;

  /**
   * One all-day ritual occurrence. The UID must stay the same for the life of the occurrence and {@code sequence}
   * must grow with every change of date, so that clients update or cancel the event they already hold.
   */
  public record IcsEvent(String uid, int sequence, LocalDate date, String summary, String description,
      boolean cancelled, Instant lastModified) {}

  private RitualIcs() {}

  /**
   * A published calendar with CRLF line endings and lines folded at 75 octets.
   *
   * @throws IllegalArgumentException if ical4j finds the calendar invalid
   */
  public static String write(String calendarName, List<IcsEvent> events) {
    Calendar calendar = new Calendar()
        .withProdId(PRODUCT_ID)
        .withProperty(ImmutableVersion.VERSION_2_0)
        .withProperty(ImmutableCalScale.GREGORIAN)
        .withProperty(ImmutableMethod.PUBLISH)
        .withProperty(new XProperty("X-WR-CALNAME", text(calendarName)))
        .getFluentTarget();
    events.forEach(event -> calendar.add(toVEvent(event)));
    // RFC 5545 wants one component at least, but clients read an empty calendar, and a subscription must not
    // break before the first ritual is planned
    if (!events.isEmpty()) {
      requireValid(calendar);
    }
    // ical4j's CalendarOutputter folds at 73 characters, which is more than 75 octets once characters are not ASCII
    return foldLines(calendar.toString());
  }

  private static void requireValid(Calendar calendar) {
    ValidationResult validation = calendar.validate();
    if (validation.hasErrors()) {
      throw new IllegalArgumentException("Not a valid iCalendar: " + validation);
    }
  }

  private static VEvent toVEvent(IcsEvent event) {
    // without DTSTAMP, ical4j would stamp the current time and the same calendar would differ at each export
    VEvent vevent = new VEvent(false);
    vevent.add(new Uid(event.uid()));
    vevent.add(new DtStamp(event.lastModified()));
    vevent.add(new DtStart<>(event.date()));
    vevent.add(new DtEnd<>(event.date().plusDays(1)));
    vevent.add(new Organizer(ORGANIZER).add(new Cn("KAP")));
    vevent.add(new Summary(text(event.summary())));
    vevent.add(new Description(text(event.description())));
    vevent.add(new Sequence(event.sequence()));
    vevent.add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    vevent.add(new LastModified(event.lastModified()));
    return vevent;
  }

  /** iCalendar text knows one line break, and ical4j would write a lone CR unescaped, ending the content line. */
  private static String text(String value) {
    return value.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String foldLines(String unfolded) {
    StringBuilder folded = new StringBuilder(unfolded.length() + 64);
    for (String line : unfolded.split(CRLF)) {
      foldLine(line, folded);
      folded.append(CRLF);
    }
    return folded.toString();
  }

  /** RFC 5545 §3.1: at most 75 octets a line, continued after CRLF and one space; never inside a character. */
  private static void foldLine(String line, StringBuilder folded) {
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > MAX_LINE_OCTETS) {
        folded.append(CRLF).append(' ');
        octets = 1;
      }
      folded.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
  }
}
