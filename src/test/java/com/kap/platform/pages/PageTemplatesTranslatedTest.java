package com.kap.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * No page template shows a word of its own: every text a user reads comes from the bundles ({@code th:text} and
 * the like, which replace the sample text a template keeps so that it still reads in a browser). Product names
 * (Tasklist, KAP) may stand as they are. The import page is not translated yet.
 */
class PageTemplatesTranslatedTest {

  private static final Set<String> NOT_YET = Set.of("import.html");
  /** Attributes that replace an element's content: the sample text inside is never shown. */
  private static final Pattern REPLACES = Pattern.compile("\\sth:(text|utext|replace|insert)=");
  private static final Pattern TAG = Pattern.compile(
      "<!--.*?-->|<(/?)([A-Za-z][\\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>",
      Pattern.DOTALL);
  private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
      "meta", "source", "track", "wbr");
  private static final Pattern WORD = Pattern.compile("[A-Za-zÀ-ÿ]{2,}");
  private static final Set<String> NAMES = Set.of("Tasklist", "KAP");

  @Test
  void everyTextOfThePagesComesFromTheBundles() throws IOException {
    List<String> found = new ArrayList<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> templates = new ArrayList<>(List.of(resolver.getResources("classpath*:templates/kap/*.html")));
    templates.add(resolver.getResource("classpath:templates/error.html"));
    assertThat(templates).hasSizeGreaterThan(5);
    for (Resource template : templates) {
      if (!NOT_YET.contains(template.getFilename())) {
        found.addAll(untranslated(template.getFilename(), template.getContentAsString(StandardCharsets.UTF_8)));
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void aWordOutsideAReplacedElementIsFound() {
    assertThat(untranslated("x.html", "<p th:text=\"#{a}\">Sample <b>text</b></p><p>Hello <b th:text=\"#{b}\">x"
        + "</b></p><!-- a comment --><a href=\"/\">Tasklist</a><br><span>12 — 3</span>"))
        .containsExactly("x.html: \"Hello\"");
  }

  /** The texts with words that no element around them replaces. */
  static List<String> untranslated(String name, String html) {
    List<String> found = new ArrayList<>();
    Deque<Boolean> replaced = new ArrayDeque<>(); // per open element: whether it, or one around it, replaces content
    Matcher tag = TAG.matcher(html);
    int at = 0;
    while (tag.find()) {
      check(name, html.substring(at, tag.start()), replaced, found);
      at = tag.end();
      if (tag.group(2) == null) {
        continue; // a comment
      }
      String element = tag.group(2).toLowerCase();
      if (!tag.group(1).isEmpty()) {
        if (!replaced.isEmpty()) {
          replaced.pop();
        }
      } else if (tag.group(4).isEmpty() && !VOID.contains(element)) {
        boolean outer = !replaced.isEmpty() && replaced.peek();
        replaced.push(outer || REPLACES.matcher(" " + tag.group(3)).find() || element.equals("code")
            || element.equals("style") || element.equals("script"));
      }
    }
    check(name, html.substring(at), replaced, found);
    return found;
  }

  private static void check(String name, String text, Deque<Boolean> replaced, List<String> found) {
    String shown = text.strip();
    if (shown.isEmpty() || (!replaced.isEmpty() && replaced.peek()) || shown.startsWith("<!DOCTYPE")) {
      return;
    }
    Matcher word = WORD.matcher(shown);
    while (word.find()) {
      if (!NAMES.contains(word.group())) {
        found.add(name + ": \"" + shown.replaceAll("\\s+", " ") + "\"");
        return;
      }
    }
  }
}
