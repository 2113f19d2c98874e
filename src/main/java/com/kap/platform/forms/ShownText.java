package com.kap.platform.forms;

import java.util.regex.Pattern;

/**
 * Text that one user typed, made safe to show in another user's Camunda Form. Tasklist's forms render text
 * components as Markdown (GitHub flavour, with bare URLs and e-mail addresses turned into links) after inserting
 * {@code {{variables}}}; a plan or a comment with {@code [click here](https://…)} or {@code ![](https://…)} became a
 * live link or a loaded image in the reader's form. Backslash escapes keep every character as text: links, images,
 * emphasis, code, tables, HTML and autolinks ({@code https\://}, {@code www\.}, {@code a\@b}) show as typed.
 */
public final class ShownText {

  /**
   * Markdown's characters that make links and images ('[', ']'), HTML and autolinks ('<', '>'), emphasis, code,
   * strike-through and tables; '(', ')' and '!' do nothing without a '['. Names like "ACME Corp. (EU)" stay as
   * they are.
   */
  private static final Pattern SYNTAX = Pattern.compile("([\\\\\\[\\]<>*_`~|])");
  /** A '#' that starts a line makes a heading. */
  private static final Pattern HEADING = Pattern.compile("(?m)^(\\s*)#");
  private static final Pattern AUTOLINK_SCHEME = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*):(?=//)");
  private static final Pattern WWW = Pattern.compile("(?i)\\b(www)\\.");
  private static final Pattern AT = Pattern.compile("@");

  private ShownText() {}

  /** The text as Markdown that shows exactly this text; null stays null. */
  public static String markdown(String text) {
    if (text == null) {
      return null;
    }
    String escaped = SYNTAX.matcher(text).replaceAll("\\\\$1");
    escaped = HEADING.matcher(escaped).replaceAll("$1\\\\#");
    escaped = AUTOLINK_SCHEME.matcher(escaped).replaceAll("$1\\\\:");
    escaped = WWW.matcher(escaped).replaceAll("$1\\\\.");
    return AT.matcher(escaped).replaceAll("\\\\@");
  }
}
