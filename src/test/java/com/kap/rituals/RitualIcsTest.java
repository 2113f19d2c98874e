package com.kap.rituals;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.kap.rituals.internal.RitualIcs.IcsEvent;
import com.kap.rituals.internal.RitualIcs;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Sequence;
import org.junit.jupiter.api.Test;

class RitualIcsTest {

  private static final IcsEvent OPERATIONS_MEETING = new IcsEvent("ritual-41@kap.example", 0,
      LocalDate.of(2026, 3, 31), "Operations meeting — Acme", "Monthly operations meeting with Acme.", false,
      Instant.parse("2026-01-15T10:15:30Z"));
  private static final IcsEvent MOVED_TOP_TO_TOP = new IcsEvent("ritual-42@kap.example", 3,
      LocalDate.of(2026, 6, 30), "Executive top-to-top — Acme", "Moved twice at the customer's request.", false,
      Instant.parse("2026-02-01T08:00:00Z"));

  @Test
  void everyFieldOfEveryEventSurvivesARoundTrip() throws Exception {
    String ics = RitualIcs.write("Acme rituals 2026", List.of(OPERATIONS_MEETING, MOVED_TOP_TO_TOP));

    Calendar calendar = parse(ics);

    assertThat(value(calendar, Property.PRODID)).isEqualTo("-//KAP//Key Account Planning//EN");
    assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
    assertThat(value(calendar, Property.CALSCALE)).isEqualTo("GREGORIAN");
    assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
    assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Acme rituals 2026");
    assertThat(events(calendar)).containsExactly(OPERATIONS_MEETING, MOVED_TOP_TO_TOP);
  }

  @Test
  void eventsAreAllDay() throws Exception {
    String ics = RitualIcs.write("Acme rituals 2026", List.of(OPERATIONS_MEETING));

    assertThat(ics).contains("\r\nDTSTART;VALUE=DATE:20260331\r\n", "\r\nDTEND;VALUE=DATE:20260401\r\n");
    VEvent event = parse(ics).<VEvent>getComponents(VEvent.VEVENT).get(0);
    assertThat(date(event, Property.DTEND)).isEqualTo(LocalDate.of(2026, 4, 1));
  }

  @Test
  void theSameOccurrenceKeepsItsUidAndCountsItsChangesInSequence() throws Exception {
    IcsEvent moved = new IcsEvent(OPERATIONS_MEETING.uid(), OPERATIONS_MEETING.sequence() + 1,
        LocalDate.of(2026, 4, 2), OPERATIONS_MEETING.summary(), OPERATIONS_MEETING.description(), false,
        Instant.parse("2026-03-20T09:00:00Z"));

    IcsEvent before = events(parse(RitualIcs.write("Acme", List.of(OPERATIONS_MEETING)))).get(0);
    IcsEvent after = events(parse(RitualIcs.write("Acme", List.of(moved)))).get(0);

    assertThat(after.uid()).isEqualTo(before.uid()).isEqualTo("ritual-41@kap.example");
    assertThat(after.sequence()).isEqualTo(1);
    assertThat(after.date()).isEqualTo(LocalDate.of(2026, 4, 2));
  }

  @Test
  void theSameCalendarIsWrittenIdenticallyOnEveryExport() {
    assertThat(RitualIcs.write("Acme", List.of(OPERATIONS_MEETING, MOVED_TOP_TO_TOP)))
        .isEqualTo(RitualIcs.write("Acme", List.of(OPERATIONS_MEETING, MOVED_TOP_TO_TOP)));
  }

  @Test
  void aCancelledOccurrenceIsPublishedAsCancelled() throws Exception {
    IcsEvent cancelled = new IcsEvent(MOVED_TOP_TO_TOP.uid(), 4, MOVED_TOP_TO_TOP.date(), MOVED_TOP_TO_TOP.summary(),
        "Sponsor unavailable.", true, Instant.parse("2026-06-01T12:00:00Z"));

    String ics = RitualIcs.write("Acme", List.of(OPERATIONS_MEETING, cancelled));

    assertThat(ics).contains("\r\nSTATUS:CONFIRMED\r\n", "\r\nSTATUS:CANCELLED\r\n", "\r\nSEQUENCE:4\r\n");
    assertThat(events(parse(ics))).extracting(IcsEvent::cancelled).containsExactly(false, true);
  }

  @Test
  void punctuationLineBreaksAndNonAsciiTextSurvive() throws Exception {
    IcsEvent event = new IcsEvent("ritual-43@kap.example", 0, LocalDate.of(2026, 5, 4),
        "CBR; Zürich, Genève \\ 東京 😀",
        "Agenda:\n1. Résultats; Q1, Q2\r\n2. Path C:\\shared\\kap\rEnd — «merci»", false,
        Instant.parse("2026-04-01T07:30:00Z"));

    String ics = RitualIcs.write("Comptes clés, Zürich; 2026 \\ Ω", List.of(event));

    assertThat(unfold(ics)).contains(
        "SUMMARY:CBR\\; Zürich\\, Genève \\\\ 東京 😀\r\n",
        "DESCRIPTION:Agenda:\\n1. Résultats\\; Q1\\, Q2\\n2. Path C:\\\\shared\\\\kap\\nEnd — «merci»\r\n");
    IcsEvent parsed = events(parse(ics)).get(0);
    assertThat(parsed.summary()).isEqualTo(event.summary());
    assertThat(parsed.description()).isEqualTo("Agenda:\n1. Résultats; Q1, Q2\n2. Path C:\\shared\\kap\nEnd — «merci»");
    assertThat(value(parse(ics), "X-WR-CALNAME")).isEqualTo("Comptes clés, Zürich; 2026 \\ Ω");
  }

  @Test
  void aBackslashBeforeALineBreakIsEscapedAsRfc5545Requires() {
    // ical4j's own parser reads "\\\n" back as two backslashes and an n, so only the written text is pinned here
    IcsEvent event = new IcsEvent("ritual-44@kap.example", 0, LocalDate.of(2026, 5, 4), "Share",
        "C:\\\nnext line", false, Instant.parse("2026-04-01T07:30:00Z"));

    assertThat(RitualIcs.write("Acme", List.of(event))).contains("\r\nDESCRIPTION:C:\\\\\\nnext line\r\n");
  }

  @Test
  void longLinesAreFoldedAtSeventyFiveOctetsAndUnfoldBack() throws Exception {
    String description = "Compte rendu détaillé de la revue d'affaires — 東京 office, Zürich plant 😀 ".repeat(12).strip();
    IcsEvent event = new IcsEvent("ritual-45@kap.example", 0, LocalDate.of(2026, 9, 30), "Customer business review",
        description, false, Instant.parse("2026-09-01T00:00:00Z"));

    String ics = RitualIcs.write("Acme", List.of(event));

    assertThat(ics).endsWith("\r\n");
    List<String> lines = Arrays.asList(ics.split("\r\n"));
    assertThat(lines).allSatisfy(line -> {
      assertThat(line.getBytes(UTF_8).length).isLessThanOrEqualTo(75);
      assertThat(line).doesNotContain("\r", "\n");
    });
    assertThat(lines.stream().filter(line -> line.startsWith(" ")).count()).isGreaterThan(5);
    assertThat(unfold(ics)).contains("\r\nDESCRIPTION:" + description.replace(",", "\\,") + "\r\n");
    assertThat(events(parse(ics)).get(0).description()).isEqualTo(description);
  }

  @Test
  void theWrittenCalendarPassesIcal4jValidation() throws Exception {
    String ics = RitualIcs.write("Acme", List.of(OPERATIONS_MEETING, MOVED_TOP_TO_TOP));

    assertThat(parse(ics).validate().hasErrors()).isFalse();
  }

  @Test
  void anAccountWithoutRitualsYetGetsACalendarWithoutEvents() throws Exception {
    String ics = RitualIcs.write("Acme", List.of());

    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    Calendar calendar = parse(ics);
    assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Acme");
    assertThat(events(calendar)).isEmpty();
  }

  private static Calendar parse(String ics) throws IOException, ParserException {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  private static String unfold(String ics) {
    return ics.replace("\r\n ", "");
  }

  private static List<IcsEvent> events(Calendar calendar) {
    return calendar.<VEvent>getComponents(VEvent.VEVENT).stream().map(RitualIcsTest::toIcsEvent).toList();
  }

  private static IcsEvent toIcsEvent(VEvent event) {
    LocalDate date = date(event, Property.DTSTART);
    assertThat(date(event, Property.DTEND)).isEqualTo(date.plusDays(1));
    Instant lastModified = event.<DateProperty<Instant>>getProperty(Property.LAST_MODIFIED).orElseThrow().getDate();
    assertThat(event.<DateProperty<Instant>>getProperty(Property.DTSTAMP).orElseThrow().getDate()).isEqualTo(lastModified);
    return new IcsEvent(
        value(event, Property.UID),
        event.<Sequence>getProperty(Property.SEQUENCE).orElseThrow().getSequenceNo(),
        date,
        value(event, Property.SUMMARY),
        value(event, Property.DESCRIPTION),
        switch (value(event, Property.STATUS)) {
          case "CANCELLED" -> true;
          case "CONFIRMED" -> false;
          default -> throw new AssertionError("unexpected STATUS " + value(event, Property.STATUS));
        },
        lastModified);
  }

  private static LocalDate date(VEvent event, String name) {
    return event.<DateProperty<LocalDate>>getProperty(name).orElseThrow().getDate();
  }

  private static String value(VEvent event, String name) {
    return event.getProperty(name).orElseThrow().getValue();
  }

  private static String value(Calendar calendar, String name) {
    return calendar.getProperty(name).orElseThrow().getValue();
  }
}
