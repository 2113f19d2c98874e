package com.kap.rituals.web;

import com.kap.rituals.CalendarSubscriptions;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's ritual calendar at their personal address ({@code /ical/{token}.ics}), for calendar apps, which cannot
 * log in: the token is the credential, so this path is outside {@code /api}'s HTTP Basic and the pages' session
 * login. What it serves is never kept by a shared cache.
 */
@RestController
public class CalendarFeedController {

  static final String NOT_FOUND = "No calendar at this address. If you subscribed to it, it has been regenerated or "
      + "revoked: open \"My calendar\" in KAP for your current address.\n";

  private final CalendarSubscriptions subscriptions;

  public CalendarFeedController(CalendarSubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @GetMapping(CalendarSubscriptions.FEED_PATH + "{token}.ics")
  public ResponseEntity<String> feed(@PathVariable String token) {
    Optional<String> calendar = subscriptions.feed(token);
    // the same answer whether the token never existed, was replaced or revoked, or its user lost the calendar
    return calendar.map(ics -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
            .cacheControl(CacheControl.noStore().cachePrivate())
            .header("X-Content-Type-Options", "nosniff")
            .header("Referrer-Policy", "no-referrer")
            .body(ics))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .contentType(MediaType.parseMediaType("text/plain; charset=UTF-8"))
            .cacheControl(CacheControl.noStore())
            .header("X-Content-Type-Options", "nosniff")
            .body(NOT_FOUND));
  }
}
