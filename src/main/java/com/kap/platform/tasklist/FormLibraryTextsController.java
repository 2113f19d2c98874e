package com.kap.platform.tasklist;

import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda Forms (form-js) writes its own few texts in English only: "Add new" under a list, "Field is required."
 * under a field, "No results" in a select. KAP's Tasklist script {@code kap-form-texts.js} asks here for what to show
 * instead in the logged-in user's language, and replaces them where a form shows them. Both sides come from KAP's
 * bundles (keys {@code formjs.*}): the English must be form-js's own text; {@code {0}} stands for a number.
 */
@RestController
public class FormLibraryTextsController {

  static final List<String> KEYS = List.of("addNew", "expandAll", "collapse", "noResults", "allValuesSelected",
      "search", "required", "minLength", "maxLength", "min", "max", "email", "notANumber", "dateAndTime",
      "removeListItem", "select", "datePlaceholder");

  /** One of form-js's texts ({@code {0}} for a number in it) and what the user reads instead. */
  public record Replacement(String english, String text) {}

  private final Texts texts;
  private final UserLocales locales;

  public FormLibraryTextsController(Texts texts, UserLocales locales) {
    this.texts = texts;
    this.locales = locales;
  }

  /** Nothing to replace for an English speaker. */
  @GetMapping("/kap/form-texts")
  public List<Replacement> replacements() {
    Locale locale = locales.current();
    if (locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
      return List.of();
    }
    return KEYS.stream().map(key -> new Replacement(pattern(Locale.ENGLISH, key), pattern(locale, key))).toList();
  }

  private String pattern(Locale locale, String key) {
    return texts.text(locale, "formjs." + key, "{0}"); // the text with its placeholder left in place
  }
}
