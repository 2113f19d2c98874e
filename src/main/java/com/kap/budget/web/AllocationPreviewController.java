package com.kap.budget.web;

import com.kap.budget.AllocationOptimiser;
import com.kap.budget.AllocationResult;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.RequestText;
import java.io.IOException;
import java.io.InputStream;
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

  public AllocationPreviewController(AllocationOptimiser optimiser, CurrentUser currentUser) {
    this.optimiser = optimiser;
    this.currentUser = currentUser;
  }

  /**
   * The body is read after the role check, decoded strictly and parsed as text, so that numbers are read exactly
   * and every shape error names its field. The ±10 % points only with {@code ?sensitivity=true}: they cost two more
   * solves.
   */
  @PostMapping(path = "/allocation-preview", consumes = MediaType.APPLICATION_JSON_VALUE)
  public AllocationResult preview(InputStream body, @RequestHeader(name = "Content-Type") MediaType contentType,
      @RequestParam(name = "sensitivity", defaultValue = "false") boolean sensitivity) throws IOException {
    currentUser.require(Roles.DIRECTOR, Roles.PROGRAMME_DIRECTOR, Roles.ADMIN);
    return optimiser.solve(RequestText.read(body, contentType, Bundles.text("error.what.body")), sensitivity);
  }
}
