package com.kap.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Answers of Camunda's REST API (/engine-rest) where Camunda's own would blame the server for a client's error. */
@Configuration
public class EngineRestConfig {

  @Bean
  public ResourceConfigCustomizer engineRestRefusesJavaSerializedVariablesWith400() {
    return config -> config.register(JavaSerializationRefusedMapper.class);
  }
}
