package com.kap.diagrams;

/**
 * A brace-delimited block of Java source, skipping braces in string, text-block and character literals and in
 * comments (where an apostrophe is no literal).
 */
final class JavaBlock {

  private JavaBlock() {}

  /** The block whose opening brace is at {@code open}, braces included; to the end when it never closes. */
  static String from(String source, int open) {
    int depth = 0;
    for (int i = open; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(source, i);
      } else if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 1;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return source.substring(open, i + 1);
      }
    }
    return source.substring(open);
  }

  private static int endOfLiteral(String source, int start) {
    String quote = source.startsWith("\"\"\"", start) ? "\"\"\"" : String.valueOf(source.charAt(start));
    int i = start + quote.length();
    while (i < source.length() && !source.startsWith(quote, i)) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i + quote.length() - 1;
  }
}
