package com.kap.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class H2SafeSettingsTest {

  private static final String SAFE = ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";

  @Test
  void everyH2DatabaseIsClosedBySpringAndNotCompactedOnClose() {
    assertThat(H2SafeSettings.withSafeSettings("jdbc:h2:file:./data/kap;AUTO_SERVER=FALSE"))
        .isEqualTo("jdbc:h2:file:./data/kap;AUTO_SERVER=FALSE" + SAFE);
    assertThat(H2SafeSettings.withSafeSettings("jdbc:h2:/var/kap/kap")).isEqualTo("jdbc:h2:/var/kap/kap" + SAFE);
    assertThat(H2SafeSettings.withSafeSettings("JDBC:H2:mem:kap;DB_CLOSE_DELAY=-1"))
        .isEqualTo("JDBC:H2:mem:kap;DB_CLOSE_DELAY=-1" + SAFE);
  }

  @Test
  void explicitSettingsAndOtherDatabasesStayAsTheyAre() {
    assertThat(H2SafeSettings.withSafeSettings("jdbc:h2:file:./kap;db_close_on_exit=true"))
        .isEqualTo("jdbc:h2:file:./kap;db_close_on_exit=true;MAX_COMPACT_TIME=0");
    assertThat(H2SafeSettings.withSafeSettings("jdbc:h2:file:./kap;max_compact_time=200"))
        .isEqualTo("jdbc:h2:file:./kap;max_compact_time=200;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(H2SafeSettings.withSafeSettings("jdbc:postgresql://db:5432/kap"))
        .isEqualTo("jdbc:postgresql://db:5432/kap");
    assertThat(H2SafeSettings.withSafeSettings(null)).isNull();
  }

  @Test
  void aServersDatabaseIsNotOursAndAnAutomaticServerKeepsH2sHook() {
    assertThat(H2SafeSettings.withSafeSettings("jdbc:h2:tcp://db:9092/kap")).isEqualTo("jdbc:h2:tcp://db:9092/kap");
    assertThat(H2SafeSettings.withSafeSettings("jdbc:h2:ssl://db/kap")).isEqualTo("jdbc:h2:ssl://db/kap");
    // H2 refuses AUTO_SERVER=TRUE together with DB_CLOSE_ON_EXIT=FALSE
    assertThat(H2SafeSettings.withSafeSettings("jdbc:h2:file:./kap;AUTO_SERVER=TRUE"))
        .isEqualTo("jdbc:h2:file:./kap;AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0");
  }

  @Test
  void theDatasourceUrlKapRunsWithCarriesTheSettings() {
    StandardEnvironment environment = environmentWith("jdbc:h2:file:${kap.data}/kap");
    environment.getPropertySources().addLast(new MapPropertySource("data", Map.of("kap.data", "/srv/kap")));

    new H2SafeSettings().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:/srv/kap/kap" + SAFE);
  }

  @Test
  void aPostgresEnvironmentIsLeftAlone() {
    StandardEnvironment environment = environmentWith("jdbc:postgresql://db/kap");

    new H2SafeSettings().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getPropertySources().contains("kapH2SafeSettings")).isFalse();
  }

  @Test
  void aMissingSettingIsLeftToTheCheckThatNamesIt() {
    StandardEnvironment environment = environmentWith("${KAP_DB_URL_THAT_NOBODY_SET}");

    new H2SafeSettings().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getPropertySources().contains("kapH2SafeSettings")).isFalse();
  }

  private static StandardEnvironment environmentWith(String url) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new MapPropertySource("application",
        Map.of("spring.datasource.url", url)));
    return environment;
  }
}
