package com.kap.rituals;

import com.kap.platform.identity.KnownUsers;
import com.kap.platform.identity.Roles;
import com.kap.rituals.internal.CalendarTokenRepository;
import com.kap.rituals.internal.CalendarTokens;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal calendar addresses ({@code /ical/{token}.ics}): calendar apps cannot log in, so each user who has a ritual
 * calendar may make an address whose secret token stands for the login. It serves what {@link Rituals#calendarOf}
 * serves that user, and nothing else. KAP keeps only the token's SHA-256; a new address replaces the old one at once,
 * a revoked one opens nothing, and neither does an address of a user who has been deleted or no longer has one of
 * the {@link #ROLES}.
 */
@Service
public class CalendarSubscriptions {

  /**
   * Who has a ritual calendar: KAMs (every ritual of their accounts), executive sponsors (the rituals they host) and
   * the programme director (those no one person hosts).
   */
  public static final Set<String> ROLES = Set.of(Roles.KAM, Roles.EXECUTIVE_SPONSOR, Roles.PROGRAMME_DIRECTOR);

  /** The page where a user makes, regenerates and revokes their address; mails link to it, never to an address. */
  public static final String PAGE_PATH = "/kap/calendar";

  /** The address's path before the token; {@code .ics} follows it. */
  public static final String FEED_PATH = "/ical/";

  private final CalendarTokenRepository tokens;
  private final Rituals rituals;
  private final KnownUsers users;
  private final Clock clock;

  public CalendarSubscriptions(CalendarTokenRepository tokens, Rituals rituals, KnownUsers users, Clock clock) {
    this.tokens = tokens;
    this.rituals = rituals;
    this.users = users;
    this.clock = clock;
  }

  /** The path a calendar app fetches for this token, e.g. {@code /ical/3q…Zw.ics}. */
  public static String feedPath(String token) {
    return FEED_PATH + token + ".ics";
  }

  /** The user's current address, without its token (KAP cannot show it again). */
  public Optional<CalendarSubscription> of(String userId) {
    return tokens.findByUser(userId).map(t -> new CalendarSubscription(t.createdAt(), t.lastFetchedAt()));
  }

  /**
   * Makes the user a new address; the one they had stops working at once.
   *
   * @return the new token, which nobody can read from KAP afterwards
   */
  @Transactional
  public String regenerate(String userId) {
    String token = CalendarTokens.generate();
    tokens.replace(userId, CalendarTokens.hash(token), clock.instant());
    return token;
  }

  /** @return whether the user had an address, which opens nothing from now on */
  @Transactional
  public boolean revoke(String userId) {
    return tokens.delete(userId);
  }

  /**
   * The iCalendar the token opens, its fetch recorded; empty for a token that is not one of KAP's, was replaced or
   * revoked, or belongs to a user who was deleted or no longer has one of the {@link #ROLES}. The caller cannot tell
   * these apart.
   */
  @Transactional
  public Optional<String> feed(String token) {
    if (!CalendarTokens.isWellFormed(token)) {
      return Optional.empty();
    }
    String hash = CalendarTokens.hash(token);
    Optional<String> user = tokens.userOf(hash).filter(id -> users.isInAny(id, ROLES));
    user.ifPresent(id -> tokens.fetched(hash, clock.instant()));
    return user.map(rituals::calendarOf);
  }
}
