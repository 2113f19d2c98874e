package com.kap.platform.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Log out" in the header of KAP's pages: ends the session that holds the webapps' login, as Tasklist's own log-out
 * does, and leads to Tasklist's login page. A form posts it with the session's CSRF token, so another site cannot
 * log a user out.
 */
@Controller
public class LogOutController {

  @PostMapping("/kap/logout")
  public String logOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return "redirect:/camunda/app/tasklist/default/";
  }
}
