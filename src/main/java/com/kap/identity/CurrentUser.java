package com.kap.identity;

import com.kap.web.ApiException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The user of the current /api request, as authenticated by Camunda's HTTP Basic filter
 * ({@link RestAuthenticationConfig}) against the identity service.
 */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String id() {
    return authentication().getUserId();
  }

  public boolean isIn(String... groups) {
    List<String> memberOf = authentication().getGroupIds();
    return memberOf != null && Arrays.stream(groups).anyMatch(memberOf::contains);
  }

  /** 403 unless the user belongs to one of the groups. */
  public void require(String... groups) {
    if (!isIn(groups)) {
      throw new ApiException(HttpStatus.FORBIDDEN,
          "user '" + id() + "' may not do this; it needs one of the roles " + String.join(", ", groups));
    }
  }

  private Authentication authentication() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "authentication required");
    }
    return authentication;
  }
}
