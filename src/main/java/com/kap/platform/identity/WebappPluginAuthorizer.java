package com.kap.platform.identity;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.filter.ApplicationRequestAuthorizer;
import org.camunda.bpm.webapp.impl.security.filter.Authorization;
import org.camunda.bpm.webapp.impl.security.filter.EngineRequestAuthorizer;
import org.camunda.bpm.webapp.impl.security.filter.RequestAuthorizer;

/**
 * Guards a webapp's plugin API (e.g. Cockpit's process statistics) in kap-security-filter-rules.json: 401 without a
 * login, as Camunda's own rule answers, and 403 for a user who may not open that webapp, which Camunda's rule lets
 * through (any Tasklist user could read Cockpit's statistics).
 */
public class WebappPluginAuthorizer implements RequestAuthorizer {

  private final RequestAuthorizer loggedIn = new EngineRequestAuthorizer();
  private final RequestAuthorizer mayUseTheApp = new ApplicationRequestAuthorizer();

  @Override
  public Authorization authorize(Map<String, String> parameters) {
    Authorization login = loggedIn.authorize(parameters);
    return login.isGranted() ? mayUseTheApp.authorize(parameters) : login;
  }
}
