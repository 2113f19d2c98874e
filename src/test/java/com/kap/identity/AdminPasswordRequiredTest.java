package com.kap.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordRequiredTest {

  private final AdminPasswordRequired check = new AdminPasswordRequired();

  @Test
  void stopsStartUpWithoutAnAdminPassword() {
    MockEnvironment environment = new MockEnvironment().withProperty(AdminPasswordRequired.PROPERTY, "");

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("set the environment variable KAP_ADMIN_PASSWORD");
  }

  @Test
  void letsAConfiguredPasswordThrough() {
    MockEnvironment environment = new MockEnvironment().withProperty(AdminPasswordRequired.PROPERTY, "s3cret!");

    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }
}
