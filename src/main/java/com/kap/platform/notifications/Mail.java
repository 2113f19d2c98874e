package com.kap.platform.notifications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail in no language yet: what {@link Mails} renders in each recipient's. Its subject and body are the texts
 * {@code mail.<kind>.subject} and {@code mail.<kind>.body} of the bundle {@code i18n/mail*.properties}, their
 * {@code {0}, {1}...} filled with its arguments; after the body come its paragraphs, each after a blank line.
 *
 * <p>The arguments are rendered for the reader: a {@link #date(LocalDate)} (or a {@code LocalDate}) as their
 * language writes a date, an {@link #amount(long)} in {@code kap.currency} as their language writes an amount, a
 * {@link #text(String, Object...)} in their language; any other number as its digits (a year, an id: never
 * "2,027"); anything else as it is (names, ids, people's own words, links).
 */
public final class Mail {

  private final String kind;
  private final Object[] args;
  private final List<Object> paragraphs;

  private Mail(String kind, Object[] args, List<Object> paragraphs) {
    this.kind = kind;
    this.args = args;
    this.paragraphs = paragraphs;
  }

  /** The mail {@code mail.<kind>.subject}/{@code mail.<kind>.body} with these arguments. */
  public static Mail of(String kind, Object... args) {
    return new Mail(kind, args.clone(), List.of());
  }

  /** A paragraph of someone's own words (comments, a response, an agenda) after the body; none when blank. */
  public Mail then(String words) {
    return words == null || words.isBlank() ? this : with(words);
  }

  /** A paragraph of the bundle ({@code mail.<key>}) after the body, e.g. the committee's note. */
  public Mail thenText(String key, Object... args) {
    return with(text(key, args));
  }

  private Mail with(Object paragraph) {
    List<Object> more = new ArrayList<>(paragraphs);
    more.add(paragraph);
    return new Mail(kind, args, List.copyOf(more));
  }

  /** A day, written as the reader's language writes it (LocalFormats). */
  public static Object date(LocalDate date) {
    return new DateArg(date);
  }

  /** A whole amount in the installation's currency, written as the reader's language writes it. */
  public static Object amount(long amount) {
    return new AmountArg(amount);
  }

  /** A text of the bundle ({@code mail.<key>}) in the reader's language, e.g. a part that differs by case. */
  public static Object text(String key, Object... args) {
    return new TextArg(key, args.clone());
  }

  public String kind() {
    return kind;
  }

  Object[] args() {
    return args.clone();
  }

  List<Object> paragraphs() {
    return paragraphs;
  }

  @Override
  public String toString() {
    return "mail." + kind;
  }

  record DateArg(LocalDate date) {}

  record AmountArg(long amount) {}

  record TextArg(String key, Object[] args) {}
}
