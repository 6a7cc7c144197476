package io.timeledger;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeledgerConfiguration {

    /** The one source of "now", so that tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
