package com.kap.platform.tasklist;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Two corrections to Tasklist 7.24's script. First, it disables "Complete" for good once a field inside a Camunda Forms dynamic list is edited: form-js
 * records a cleared error of a list row as {@code errors[field] = [undefined]}, and Tasklist counts the keys of
 * {@code errors} instead of the errors. Plans, overrides and minutes are lists, so KAP serves Tasklist's script with
 * that one check corrected to look for actual messages. Second, Tasklist loads a Camunda Form's variables only for
 * tasks, so the selects of a start form had no options: it now asks for the start form's variables too, where KAP
 * offers its pickers ({@link StartFormOptions}). Camunda 7 CE gets no further releases, so the script will
 * not change under us; {@code TasklistDynamicListFixTest} fails loudly if it ever does.
 */
@Configuration
public class TasklistDynamicListFix {

  static final String SCRIPT = "META-INF/resources/webjars/camunda/app/tasklist/camunda-tasklist-bootstrap.js";
  static final String KEY_COUNT_CHECK = "var t=!!Object.keys(e.errors).length;";
  static final String MESSAGE_CHECK = "var t=(function hasMessage(x){return Array.isArray(x)?x.some(hasMessage)"
      + ":x&&typeof x===\"object\"?Object.keys(x).some(function(k){return hasMessage(x[k]);}):!!x;})(e.errors);";

  /** Tasklist loads the variables of a task form only: a start form's selects got no options. */
  static final String TASK_VARIABLES_ONLY = "var _=function(){if(y)return m.formVariables({id:y,deserializeValues:!1})";
  static final String START_FORM_VARIABLES_TOO = "var _=function(){return(y?m.formVariables({id:y,"
      + "deserializeValues:!1}):g.formVariables({id:h.getParams().processDefinitionId,deserializeValues:!1}))";

  @Bean
  FilterRegistrationBean<Filter> tasklistScriptFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    byte[] patched = patchedScript().getBytes(StandardCharsets.UTF_8);
    Filter serve = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setContentType("application/javascript;charset=UTF-8");
      http.setContentLength(patched.length);
      http.setHeader("Cache-Control", "no-cache");
      http.getOutputStream().write(patched);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(serve);
    registration.setName("kap-tasklist-dynamic-list-fix");
    registration.addUrlPatterns(webappPath + "/app/tasklist/camunda-tasklist-bootstrap.js");
    return registration;
  }

  private static String replaceOnce(String script, String found, String replacement, String what) {
    int first = script.indexOf(found);
    if (first < 0 || script.indexOf(found, first + 1) >= 0) {
      throw new IllegalStateException("Tasklist's " + what + " was not found exactly once in " + SCRIPT
          + "; the Camunda webapp changed: review " + TasklistDynamicListFix.class.getName());
    }
    return script.replace(found, replacement);
  }

  static String patchedScript() {
    try (InputStream in = new ClassPathResource(SCRIPT).getInputStream()) {
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return replaceOnce(replaceOnce(script, KEY_COUNT_CHECK, MESSAGE_CHECK, "form validity check"),
          TASK_VARIABLES_ONLY, START_FORM_VARIABLES_TOO, "loading of form variables");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
