package com.kap.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The accessibility check the page tests rely on finds what it must: a field without a label and an image without a
 * text are serious violations, and the same page with them fixed has none.
 */
class AccessibilityCheckTest {

  @Test
  void findsAnUnlabelledFieldAndAnImageWithoutTextAndNothingOnceFixed() throws Exception {
    try (Browser browser = new Browser(0)) {
      browser.driver().get(page("<img src='x.png'><form><input type='text' name='year'></form>"));
      assertThat(browser.seriousAccessibilityViolations())
          .anySatisfy(violation -> assertThat(violation).startsWith("image-alt:"))
          .anySatisfy(violation -> assertThat(violation).startsWith("label:"));

      browser.driver().get(page("<img src='x.png' alt='Segmentation matrix'>"
          + "<form><label for='year'>Cycle year</label><input type='text' id='year' name='year'></form>"));
      assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
  }

  private static String page(String body) {
    return "data:text/html;charset=utf-8," + URLEncoder.encode("<!DOCTYPE html><html lang='en'><head><title>Check"
        + "</title></head><body><main><h1>Check</h1>" + body + "</main></body></html>", StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
