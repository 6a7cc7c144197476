package io.timeledger.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupport {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
