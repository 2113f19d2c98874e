package com.kap.platform.engineguard;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Marks the requests through which users drive the engine directly: Camunda's REST API ({@code /engine-rest}) and
 * the webapps' API ({@code /camunda/api}, Tasklist's and Cockpit's engine calls). {@link UserCommandGuard} checks the
 * engine commands of these requests; KAP's own code ({@code /api}, delegates, listeners, jobs) is not marked.
 */
@Configuration
public class UserRequests {

  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  /** Whether the current thread serves a request of /engine-rest or the webapps' API. */
  public static boolean active() {
    return Boolean.TRUE.equals(ACTIVE.get());
  }

  /** Runs the action as if serving such a request (for tests of the guard through the Java API). */
  public static <T> T run(java.util.function.Supplier<T> action) {
    Boolean before = ACTIVE.get();
    ACTIVE.set(true);
    try {
      return action.get();
    } finally {
      if (before == null) {
        ACTIVE.remove();
      } else {
        ACTIVE.set(before);
      }
    }
  }

  @Bean
  FilterRegistrationBean<Filter> userRequestMarker(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    Filter mark = (request, response, chain) -> {
      Boolean before = ACTIVE.get();
      ACTIVE.set(true);
      try {
        chain.doFilter(request, response);
      } finally {
        if (before == null) {
          ACTIVE.remove();
        } else {
          ACTIVE.set(before);
        }
      }
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(mark);
    registration.setName("kap-user-request-marker");
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
