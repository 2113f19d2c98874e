package com.kap.platform.identity;

import com.kap.platform.i18n.UserLocales;
import com.kap.platform.web.ApiException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's language over the API, for the admin ({@code camunda-admin}) and for the user themselves; anyone else
 * gets 403, whether the user exists or not. The same choice as on "My settings" ({@link MySettingsPage}).
 */
@RestController
@RequestMapping("/api/users/{userId}/locale")
public class UserLocaleController {

  /**
   * A user's language.
   *
   * @param locale the language KAP speaks to them ({@code en}, {@code fr})
   * @param chosen whether it is theirs; false: the installation's ({@code kap.locale}), nobody chose one for them
   */
  public record UserLocale(String userId, String locale, boolean chosen) {}

  /** @param locale {@code en} or {@code fr}; null (or no body) goes back to the installation's */
  public record LocaleChange(String locale) {}

  private final UserLocales locales;
  private final CurrentUser currentUser;
  private final KnownUsers knownUsers;

  public UserLocaleController(UserLocales locales, CurrentUser currentUser, KnownUsers knownUsers) {
    this.locales = locales;
    this.currentUser = currentUser;
    this.knownUsers = knownUsers;
  }

  @GetMapping
  public UserLocale get(@PathVariable String userId) {
    checkMayAccess(userId);
    return of(userId);
  }

  @PutMapping
  public UserLocale put(@PathVariable String userId, @RequestBody(required = false) LocaleChange change) {
    checkMayAccess(userId);
    if (change == null || change.locale() == null) {
      locales.set(userId, null);
      return of(userId);
    }
    Locale language = UserLocales.supported(change.locale()).orElseThrow(() -> ApiException.ofField(
        HttpStatus.BAD_REQUEST, "locale", "error.locale.unsupported", String.join(", ", supported()), change.locale()));
    locales.set(userId, language);
    return of(userId);
  }

  private UserLocale of(String userId) {
    return new UserLocale(userId, locales.of(userId).getLanguage(), locales.chosenBy(userId).isPresent());
  }

  /** 403 unless the caller is the user or the admin; then 404 for a user who does not exist. */
  private void checkMayAccess(String userId) {
    if (!userId.equals(currentUser.id()) && !currentUser.isIn(Roles.ADMIN)) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "error.locale.notYours", currentUser.id());
    }
    if (knownUsers.existing(List.of(userId)).isEmpty()) {
      throw ApiException.of(HttpStatus.NOT_FOUND, "error.user.none", userId);
    }
  }

  private static List<String> supported() {
    return UserLocales.SUPPORTED.stream().map(Locale::getLanguage).toList();
  }
}
