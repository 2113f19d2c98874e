package com.kap.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class H2ShutdownOrderTest {

  private static final String SAFE = ";DB_CLOSE_ON_EXIT=FALSE";

  @Test
  void everyH2DatabaseIsClosedBySpringNotByH2sShutdownHook() {
    assertThat(H2ShutdownOrder.withSpringClosing("jdbc:h2:file:./data/kap;AUTO_SERVER=FALSE"))
        .isEqualTo("jdbc:h2:file:./data/kap;AUTO_SERVER=FALSE" + SAFE);
    assertThat(H2ShutdownOrder.withSpringClosing("jdbc:h2:/var/kap/kap")).isEqualTo("jdbc:h2:/var/kap/kap" + SAFE);
    assertThat(H2ShutdownOrder.withSpringClosing("JDBC:H2:mem:kap;DB_CLOSE_DELAY=-1"))
        .isEqualTo("JDBC:H2:mem:kap;DB_CLOSE_DELAY=-1" + SAFE);
  }

  @Test
  void anExplicitSettingAndOtherDatabasesStayAsTheyAre() {
    assertThat(H2ShutdownOrder.withSpringClosing("jdbc:h2:file:./kap;db_close_on_exit=true"))
        .isEqualTo("jdbc:h2:file:./kap;db_close_on_exit=true");
    assertThat(H2ShutdownOrder.withSpringClosing("jdbc:postgresql://db:5432/kap"))
        .isEqualTo("jdbc:postgresql://db:5432/kap");
    assertThat(H2ShutdownOrder.withSpringClosing(null)).isNull();
  }

  @Test
  void aServersDatabaseAndAnAutomaticServerAreLeftAsTheyAre() {
    assertThat(H2ShutdownOrder.withSpringClosing("jdbc:h2:tcp://db:9092/kap")).isEqualTo("jdbc:h2:tcp://db:9092/kap");
    assertThat(H2ShutdownOrder.withSpringClosing("jdbc:h2:ssl://db/kap")).isEqualTo("jdbc:h2:ssl://db/kap");
    // H2 refuses AUTO_SERVER=TRUE together with DB_CLOSE_ON_EXIT=FALSE
    assertThat(H2ShutdownOrder.withSpringClosing("jdbc:h2:file:./kap;AUTO_SERVER=TRUE"))
        .isEqualTo("jdbc:h2:file:./kap;AUTO_SERVER=TRUE");
  }

  @Test
  void theDatasourceUrlKapRunsWithCarriesTheSetting() {
    StandardEnvironment environment = environmentWith("jdbc:h2:file:${kap.data}/kap");
    environment.getPropertySources().addLast(new MapPropertySource("data", Map.of("kap.data", "/srv/kap")));

    new H2ShutdownOrder().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:/srv/kap/kap" + SAFE);
  }

  @Test
  void aPostgresEnvironmentIsLeftAlone() {
    StandardEnvironment environment = environmentWith("jdbc:postgresql://db/kap");

    new H2ShutdownOrder().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getPropertySources().contains("kapH2ShutdownOrder")).isFalse();
  }

  @Test
  void aMissingSettingIsLeftToTheCheckThatNamesIt() {
    StandardEnvironment environment = environmentWith("${KAP_DB_URL_THAT_NOBODY_SET}");

    new H2ShutdownOrder().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getPropertySources().contains("kapH2ShutdownOrder")).isFalse();
  }

  private static StandardEnvironment environmentWith(String url) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new MapPropertySource("application",
        Map.of("spring.datasource.url", url)));
    return environment;
  }
}
