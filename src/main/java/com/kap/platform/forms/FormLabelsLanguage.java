package com.kap.platform.forms;

import com.kap.platform.i18n.UserLocales;
import org.springframework.stereotype.Component;

/** Refusals name fields in the authenticated user's language ({@link UserLocales#current()}). */
@Component
class FormLabelsLanguage {

  FormLabelsLanguage(UserLocales locales) {
    FormLabels.useLanguageOf(locales::current);
  }
}
