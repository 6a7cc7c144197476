package io.timeledger.database;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.timeledger.core.common.ReplicaReads;
import java.io.IOException;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
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
                return early.heldByContext();
            }
        }
        return EmbeddedDatabase.open(directory, properties.ephemeral(), adminCommand).heldByContext();
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

    /**
     * What the server reads and writes through: the primary, whose pool is {@link #dataSource};
     * with a replica configured, {@code @ReplicaReads} calls read the replica when it has caught up.
     */
    @Bean
    @Primary
    ReplicaRouting routingDataSource(HikariDataSource dataSource, DatabaseProperties properties,
                                     MeterRegistry meters) {
        HikariDataSource replica = null;
        if (properties.replicated()) {
            replica = DataSourceBuilder.create().type(HikariDataSource.class).url(properties.replicaUrl())
                .username(dataSource.getUsername()).password(dataSource.getPassword()).build();
            replica.setPoolName("replica");
            replica.setReadOnly(true);
            replica.setMaximumPoolSize(dataSource.getMaximumPoolSize());
            replica.setConnectionTimeout(dataSource.getConnectionTimeout());
            replica.setInitializationFailTimeout(-1);
        }
        return new ReplicaRouting(dataSource, replica, properties.replicaWait(), meters);
    }

    /** Routes {@code @ReplicaReads} calls, ahead of their transaction taking a connection. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor replicaReadsAdvisor(ObjectProvider<ReplicaRouting> routing) {
        var advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(ReplicaReads.class),
            (MethodInterceptor) call -> routing.getObject().interceptor().invoke(call));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
