package com.kap.budget;

import com.kap.platform.i18n.Bundles;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text of the bundles with its arguments, kept (as JSON, with what it is stored with) to be said later in a
 * reader's language: e.g. the recommendation's warning, whose English is stored beside it. An argument is a text
 * (said as it is: ids, figures as text, people's words), a number, or a text of the bundles itself.
 */
public record KeyedText(String key, List<Object> args) {

  /** The text as a MessageSource resolves it, its arguments that are texts of the bundles kept so. */
  public static KeyedText of(MessageSourceResolvable text) {
    Object[] args = text.getArguments() == null ? new Object[0] : text.getArguments();
    return new KeyedText(text.getCodes()[0], Arrays.stream(args).map(KeyedText::kept).toList());
  }

  private static Object kept(Object arg) {
    if (arg instanceof MessageSourceResolvable text) {
      return of(text);
    }
    return arg instanceof Number || arg instanceof KeyedText ? arg : String.valueOf(arg);
  }

  /** The text in the language. */
  public String in(MessageSource texts, Locale locale) {
    return texts.getMessage(resolvable(), locale);
  }

  /** The text to resolve, its arguments too: as kept, or as read back from JSON (a nested text is then a map). */
  public MessageSourceResolvable resolvable() {
    return Bundles.text(key, args == null ? new Object[0] : args.stream().map(KeyedText::resolvable).toArray());
  }

  private static Object resolvable(Object arg) {
    if (arg instanceof KeyedText text) {
      return text.resolvable();
    }
    if (arg instanceof Map<?, ?> read && read.get("key") instanceof String key) {
      List<Object> args = read.get("args") instanceof List<?> list ? List.copyOf(list) : List.of();
      return new KeyedText(key, args).resolvable();
    }
    return arg;
  }
}
