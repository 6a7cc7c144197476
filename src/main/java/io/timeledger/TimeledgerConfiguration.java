package io.timeledger;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.module.blackbird.BlackbirdModule;

@Configuration(proxyBeanMethods = false)
class TimeledgerConfiguration {

    /** The one source of "now", so that tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Registered by Spring Boot with every JSON mapper it builds. */
    @Bean
    BlackbirdModule blackbirdModule() {
        return new BlackbirdModule();
    }
}
