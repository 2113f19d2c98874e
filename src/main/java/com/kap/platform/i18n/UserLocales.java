package com.kap.platform.i18n;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Each user's language: the one set for them (by the admin, or by themselves on their page), else the
 * installation's ({@code kap.locale}). Kept as the user's Camunda user info {@value #USER_INFO_KEY}, so that it
 * lives and goes with the user.
 */
@Service
public class UserLocales {

  /** The languages KAP speaks, English first: the language of the texts' source. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);
  public static final String USER_INFO_KEY = "kap.locale";

  private final IdentityService identityService;
  private final LocaleProperties properties;
  private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

  public UserLocales(IdentityService identityService, LocaleProperties properties) {
    this.identityService = identityService;
    this.properties = properties;
  }

  /** The supported language a tag names ({@code fr}, {@code fr-CA}...), if any. */
  public static Optional<Locale> supported(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    Locale language = Locale.forLanguageTag(Locale.forLanguageTag(tag.strip()).getLanguage());
    return SUPPORTED.contains(language) ? Optional.of(language) : Optional.empty();
  }

  /** The installation's language. */
  public Locale defaultLocale() {
    return Locale.forLanguageTag(properties.locale().getLanguage());
  }

  /** The language set for the user, if any. */
  public Optional<Locale> chosenBy(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    String tag = identityService.getUserInfo(userId, USER_INFO_KEY);
    return Optional.ofNullable(tag).map(Locale::forLanguageTag).filter(SUPPORTED::contains);
  }

  /** The user's language: theirs, else the installation's. */
  public Locale of(String userId) {
    return chosenBy(userId).orElseGet(this::defaultLocale);
  }

  /**
   * The language several readers share (the candidates of a group task): theirs when they all have the same, else
   * (or without readers) the installation's.
   */
  public Locale sharedBy(Collection<String> userIds) {
    List<Locale> languages = userIds.stream().map(this::of).distinct().toList();
    return languages.size() == 1 ? languages.get(0) : defaultLocale();
  }

  /** The authenticated user's language, or the installation's when nobody is authenticated. */
  public Locale current() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return of(authentication == null ? null : authentication.getUserId());
  }

  /**
   * Sets the user's language; null goes back to the installation's. Whoever keeps users' languages for a while is
   * told ({@link #whenChanged}).
   *
   * @throws IllegalArgumentException for a language KAP does not speak
   */
  public void set(String userId, Locale locale) {
    if (locale == null) {
      identityService.deleteUserInfo(userId, USER_INFO_KEY);
    } else {
      Locale language = Locale.forLanguageTag(locale.getLanguage());
      if (!SUPPORTED.contains(language)) {
        throw new IllegalArgumentException("KAP speaks " + SUPPORTED.stream().map(Locale::getLanguage).toList()
            + ", not '" + locale + "'");
      }
      identityService.setUserInfo(userId, USER_INFO_KEY, language.toLanguageTag());
    }
    changeListeners.forEach(listener -> listener.accept(userId));
  }

  /**
   * Tells {@code listener} the id of each user whose language is set through {@link #set}, once it is set: a cache of
   * users' languages forgets theirs, so that the change shows at once.
   */
  public void whenChanged(Consumer<String> listener) {
    changeListeners.add(listener);
  }
}
