package io.siyu.rules.spring;

import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.jdbc.JdbcFunnelStore;
import io.siyu.rules.pack.LiveRulePack;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * The funnel's store on the application's {@link DataSource}, when rules-jdbc is on the class path: a
 * {@link JdbcFunnelStore}, whose tables ({@code siyu_funnel_*}, with their own Flyway history table) are created or
 * migrated when the bean is made. Backs off when the application defines a {@link FunnelStore}; off with
 * {@code siyu.rules.funnel.enabled=false}. Ordered after the DataSource auto-configuration of Boot 3.5 and of Boot 4.
 */
@AutoConfiguration(after = SiyuRulesAutoConfiguration.class, afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnClass(name = "io.siyu.rules.jdbc.JdbcFunnelStore")
@ConditionalOnBean({LiveRulePack.class, DataSource.class})
@ConditionalOnProperty(prefix = SiyuRulesProperties.PREFIX, name = "funnel.enabled", matchIfMissing = true)
public class SiyuRulesFunnelStoreAutoConfiguration {
    /** Made by Spring. */
    public SiyuRulesFunnelStoreAutoConfiguration() {
    }

    /**
     * The store.
     *
     * @param dataSource the application's database
     * @return the store, its tables created or migrated
     * @throws io.siyu.rules.funnel.FunnelStoreException when the database cannot be reached, or its funnel schema is
     *                                                   newer than this library's
     */
    @Bean
    @ConditionalOnMissingBean(FunnelStore.class)
    public JdbcFunnelStore siyuFunnelStore(DataSource dataSource) {
        return JdbcFunnelStore.create(dataSource);
    }
}
