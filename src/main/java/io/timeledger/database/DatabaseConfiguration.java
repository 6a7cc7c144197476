package io.timeledger.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    /** The embedded server, or none when an external URL is configured. Stopped when the context closes. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties, Environment environment) throws IOException {
        if (!properties.embedded()) {
            return EmbeddedDatabase.NONE;
        }
        boolean adminCommand = environment.matchesProfiles("admin");
        var directory = properties.dataDir().resolve("pg");
        if (!adminCommand && !properties.ephemeral()) {
            var early = EarlyStart.takeFor(directory);
            if (early != null) {
                return early;
            }
        }
        return EmbeddedDatabase.open(directory, properties.ephemeral(), adminCommand);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        var builder = DataSourceBuilder.create().type(HikariDataSource.class);
        if (properties.embedded()) {
            builder.url(embedded.jdbcUrl()).username(EmbeddedDatabase.USER).password(embedded.password());
        } else {
            builder.url(properties.url()).username(properties.user()).password(properties.password());
        }
        return builder.build();
    }
}
