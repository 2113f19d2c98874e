package com.kap.budget.web;

import com.kap.budget.AllocationOptimiser;
import com.kap.budget.AllocationResult;
import com.kap.budget.UnfundedReasons;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.RequestText;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tries an allocation without deciding anything (DESIGN §5): the steering committee's what-if. */
@RestController
@RequestMapping("/api/budget")
public class AllocationPreviewController {

  private final AllocationOptimiser optimiser;
  private final CurrentUser currentUser;
  private final MessageSource messages;

  public AllocationPreviewController(AllocationOptimiser optimiser, CurrentUser currentUser, MessageSource messages) {
    this.optimiser = optimiser;
    this.currentUser = currentUser;
    this.messages = messages;
  }

  /**
   * The unfunded bids' details are in the request's language ({@code Accept-Language}). The body is read after the
   * role check, decoded strictly and parsed as text, so that numbers are read exactly
   * and every shape error names its field. The ±10 % points only with {@code ?sensitivity=true}: they cost two more
   * solves.
   */
  @PostMapping(path = "/allocation-preview", consumes = MediaType.APPLICATION_JSON_VALUE)
  public AllocationResult preview(InputStream body, @RequestHeader(name = "Content-Type") MediaType contentType,
      @RequestParam(name = "sensitivity", defaultValue = "false") boolean sensitivity, Locale locale)
      throws IOException {
    currentUser.require(Roles.DIRECTOR, Roles.PROGRAMME_DIRECTOR, Roles.ADMIN);
    AllocationResult result = optimiser.solve(RequestText.read(body, contentType, Bundles.text("error.what.body")),
        sensitivity);
    // why a bid is left out, in the request's language; the reasons' codes stay as they are
    return result.withUnfunded(result.unfunded().stream()
        .map(unfunded -> UnfundedReasons.said(unfunded, messages, locale)).toList());
  }
}
