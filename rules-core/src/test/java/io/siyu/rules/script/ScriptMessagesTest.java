package io.siyu.rules.script;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese staff get every message that English staff get. */
class ScriptMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ScriptMessagesTest.class.getResourceAsStream("/io/siyu/rules/script/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameMessages() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");

        assertThat(english).isNotEmpty();
        assertThat(chinese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
    }
}
