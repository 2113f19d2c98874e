package com.kap.planning.web;

import com.kap.platform.i18n.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.ui.Model;

/**
 * The year a page about one planning cycle shows: the one asked for ({@code ?year=}), else the newest. When there is
 * none to show, the page gets the reason as its message and the answer's status, and shows the refusal page with the
 * years it can pick from, in the user's language.
 */
final class CycleYearChoice {

  private CycleYearChoice() {
  }

  /**
   * @param yearParam the {@code year} request parameter, may be absent or blank
   * @param years the years with a planning cycle, newest first
   * @return the year to show, or empty when the page must show {@code kap/refused}
   */
  static OptionalInt pick(String yearParam, List<Integer> years, Model model, HttpServletResponse response,
      Texts texts) {
    model.addAttribute("years", years);
    if (years.isEmpty()) {
      model.addAttribute("message", texts.text("year.noCycle"));
      return OptionalInt.empty();
    }
    int shown = years.get(0);
    if (yearParam != null && !yearParam.isBlank()) {
      try {
        shown = Integer.parseInt(yearParam.strip());
      } catch (NumberFormatException notAYear) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("message", texts.text("year.notAYear", yearParam));
        return OptionalInt.empty();
      }
    }
    if (!years.contains(shown)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("message", texts.text("year.noSuchCycle", shown));
      return OptionalInt.empty();
    }
    return OptionalInt.of(shown);
  }
}
