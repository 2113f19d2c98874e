package com.kap.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.ClassPathResource;
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

  /** Finding 3 of the red-team review: KAP_ADMIN_PASSWORD=a was accepted, and no password policy applied. */
  @Test
  void refusesAWeakAdminPasswordWhereThePasswordPolicyIsOn() {
    for (String weak : List.of("a", "Short-1!", "alllowercase-2026!", "NoDigitsHere!!", "NoSpecial2026x",
        "Kap-admin-2026!")) {
      MockEnvironment environment = new MockEnvironment().withProperty(AdminPasswordRequired.PROPERTY, weak)
          .withProperty(AdminPasswordRequired.POLICY, "true").withProperty("camunda.bpm.admin-user.id", "admin");
      assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication())).as(weak)
          .hasMessageContaining("does not pass the password policy");
    }
    MockEnvironment strong = new MockEnvironment().withProperty(AdminPasswordRequired.PROPERTY, "Tulip-Harbor-2026!")
        .withProperty(AdminPasswordRequired.POLICY, "true");
    assertThatCode(() -> check.postProcessEnvironment(strong, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void thePasswordPolicyIsOnOutsideTheDemoProfile() {
    assertThat(policy("application.yaml")).isEqualTo("true");
    assertThat(policy("application-demo.yaml")).isEqualTo("false");
  }

  private static String policy(String file) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource(file));
    return String.valueOf(yaml.getObject().getProperty(AdminPasswordRequired.POLICY));
  }
}
