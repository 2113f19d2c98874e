package com.kap.platform.i18n;

import java.util.Locale;

/**
 * Words a DMN table puts into a text people read as a value, said in another language: a value that is itself words
 * KAP wrote in English for the table, e.g. accountHealth's {@code coverageMissing} ("decision maker with an owner and
 * no champion", in "No {0} in the stakeholder map"). The module that gives the table the value says it, as a Spring
 * bean; {@link DecisionTexts#say(Locale, String, String, String, java.util.Collection)} puts it into the French.
 */
public interface DecisionValueWords {

  /** The text output whose value this says: {@code decision.<decisionId>.<ruleId>.<output>}. */
  String key();

  /** Which of its values, 0 for {0}. */
  int index();

  /** The value in the language; null where these words do not recognise it (it is then shown as it is). */
  String say(Locale locale, String value);
}
