package io.siyu.rules.spring;

import io.siyu.rules.pack.PackSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** A start that fails on a broken pack, or on a database the funnel cannot use, is explained in a few lines. */
class FailureAnalyzerTest {

    /** The analyzers Spring Boot would load, made as it makes them (so the starter's is registered). */
    static List<FailureAnalyzer> analyzers(Environment environment) {
        return SpringFactoriesLoader.forDefaultResourceLocation(FailureAnalyzerTest.class.getClassLoader())
                .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.of(Environment.class, environment)
                        .and(BeanFactory.class, new DefaultListableBeanFactory()),
                        // As Spring Boot does: an analyzer of a module that is not on the class path is skipped.
                        SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { }));
    }

    /**
     * An environment with these properties. (Not spring-test's MockEnvironment: its methods changed signatures in
     * Spring 7, and these tests also run on Boot 4, in rules-spring-boot-test-boot4.)
     */
    static Environment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    static FailureAnalysis analyze(Throwable failure, Environment environment) {
        return analyzers(environment).stream().filter(PackFailureAnalyzer.class::isInstance)
                .map(a -> a.analyze(failure)).findFirst().orElseThrow();
    }

    @Test
    void aBrokenPackIsShownAsItsProblemsOneALine() {
        Runners.starter().withBean(PackSource.class, () -> PackSource.files(Packs.broken())).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure(), environment(Map.of()));
            List<String> lines = analysis.getDescription().lines().toList();
            assertThat(lines.get(0)).isEqualTo("The rule pack in (in-memory files) cannot be loaded: 1 problem(s).");
            assertThat(lines.get(1)).isEmpty();
            assertThat(lines.subList(2, lines.size())).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).matches("    rules/rules\\.drl:4:\\d+: .+"));
            assertThat(analysis.getAction()).contains("siyu check").contains("siyu.rules.pack");
            assertThat(analysis.getDescription()).doesNotContain("\tat ").doesNotContain("Exception");
        });
    }

    @Test
    void theAdviceIsInTheLanguageOfTheProperties() {
        Runners.starter().withBean(PackSource.class, () -> PackSource.files(Packs.broken()))
                .withPropertyValues("siyu.rules.locale=zh_CN").run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure(),
                            environment(Map.of("siyu.rules.locale", "zh_CN")));
                    assertThat(analysis.getAction()).contains("请按上面列出的行修改规则包文件");
                    assertThat(analysis.getDescription()).contains("rules/rules.drl:4:");
                });
    }

    @Test
    void aDatabaseTheFunnelCannotReachIsNamedWithoutAStackTrace() {
        Runners.starter().withBean(DataSource.class, Unreachable::new)
                .withBean(PackSource.class, () -> PackSource.files(Packs.mini("1"))).run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyze(context.getStartupFailure(), environment(Map.of()));
                    assertThat(analysis.getDescription()).startsWith("The funnel's database cannot be used: ");
                    assertThat(analysis.getAction()).contains("spring.datasource.url")
                            .contains("siyu.rules.funnel.enabled=false");
                });
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(new PackFailureAnalyzer(environment(Map.of())).analyze(new IllegalStateException("x"))).isNull();
    }

    /** A database that refuses every connection. */
    static final class Unreachable implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Connection refused: localhost:1");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
