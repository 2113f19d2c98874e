package com.kap.platform.forms;

import java.util.Locale;

/** A text, or a part of a sentence, said in the language asked: e.g. a {@link Problem}, a label of a form's option. */
@FunctionalInterface
public interface LocalizedText {

  /** The text in the language (English for one KAP does not speak). */
  String in(Locale locale);
}
