package com.kap.platform.web;

import java.util.List;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers of Camunda's REST API (/engine-rest) where Camunda's own would blame the server for a client's error or
 * for losing a race to complete a task.
 */
@Configuration
public class EngineRestConfig {

  private static final List<Class<?>> COMPLETION_CONFLICT_MAPPERS = List.of(
      TaskCompletionConflictMapper.Wrapped.class, TaskCompletionConflictMapper.Authorization.class,
      TaskCompletionConflictMapper.Other.class, InvalidFormDataMapper.Wrapped.class, InvalidFormDataMapper.Engine.class,
      InvalidFormDataMapper.Other.class, com.kap.platform.tasklist.StartFormOptions.class);

  @Bean
  public ResourceConfigCustomizer engineRestRefusesJavaSerializedVariablesWith400() {
    return config -> config.register(JavaSerializationRefusedMapper.class);
  }

  @Bean
  public ResourceConfigCustomizer engineRestAnswersLostCompletionRacesWith409() {
    return config -> COMPLETION_CONFLICT_MAPPERS.forEach(config::register);
  }

  /**
   * The same for the webapp's engine API (/camunda/api/engine), which Tasklist completes tasks through. Camunda's
   * webapp starts its Jersey servlets (also Cockpit's, Admin's and Tasklist's own APIs, where no path is a
   * completion) from Application classes; those add Jersey properties from the servlet context's attributes,
   * which Spring Boot's /engine-rest does not read.
   */
  @Bean
  public ServletContextInitializer webappEngineApiAnswersLostCompletionRacesWith409() {
    return servletContext -> {
      if (servletContext.getAttribute(ServerProperties.PROVIDER_CLASSNAMES) != null) {
        throw new IllegalStateException(ServerProperties.PROVIDER_CLASSNAMES + " is already set in the servlet "
            + "context");
      }
      servletContext.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
          COMPLETION_CONFLICT_MAPPERS.stream().map(Class::getName).collect(Collectors.joining(",")));
    };
  }
}
