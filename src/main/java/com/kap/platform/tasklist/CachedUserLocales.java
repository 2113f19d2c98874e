package com.kap.platform.tasklist;

import com.kap.platform.i18n.UserLocales;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Users' languages kept a short while ({@link #KEPT}), for {@link TasklistTranslation}: Tasklist makes a dozen calls
 * a page, and each would otherwise read the user's language from Camunda's database. A language set through
 * {@link UserLocales#set} is forgotten at once, so the user's next call has it; one set some other way (another
 * node, the database) shows within {@link #KEPT}.
 */
final class CachedUserLocales {

  /** How long a user's language is kept. */
  static final Duration KEPT = Duration.ofSeconds(30);
  /** Past this many users, those whose language has expired are dropped. */
  private static final int TIDY_ABOVE = 1_000;

  private record Kept(Locale locale, long until) {}

  private final UserLocales locales;
  private final long keptNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Kept> byUser = new ConcurrentHashMap<>();

  CachedUserLocales(UserLocales locales, Duration kept, LongSupplier nanoTime) {
    this.locales = locales;
    this.keptNanos = kept.toNanos();
    this.nanoTime = nanoTime;
    locales.whenChanged(byUser::remove);
  }

  /** The user's language, as {@link UserLocales#of}, read again once kept for {@link #KEPT}. */
  Locale of(String userId) {
    long now = nanoTime.getAsLong();
    Kept kept = byUser.get(userId);
    if (kept != null && now - kept.until() < 0) {
      return kept.locale();
    }
    Locale locale = locales.of(userId);
    if (byUser.size() > TIDY_ABOVE) {
      byUser.values().removeIf(old -> now - old.until() >= 0);
    }
    byUser.put(userId, new Kept(locale, now + keptNanos));
    return locale;
  }
}
