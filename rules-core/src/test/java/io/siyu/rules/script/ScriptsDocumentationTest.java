package io.siyu.rules.script;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example in docs/scripts.md is a working library and renders as the page says. */
class ScriptsDocumentationTest {

    @Test
    void theDocumentedExampleLoadsAndRendersAsDescribed() throws IOException {
        String page = Files.readString(Path.of("../docs/scripts.md"));
        int start = page.indexOf("```json\n") + "```json\n".length();
        String example = page.substring(start, page.indexOf("```", start));

        ScriptLibrary library = ScriptLibrary.parse("scripts.json", example, Locale.ENGLISH);

        assertThat(library.ids()).containsExactly("welcome", "welfare_gift", "acne_offer", "group_seeding_day1",
                "group_conversion_notice");
        RenderedScript welcome = library.render("welcome", "wx_10001", Map.of("nickname", "小红"));
        assertThat(welcome.text()).isEqualTo("小红你好呀～我是小丸子🌸，以后你的皮肤问题都可以来问我哦！");
        assertThat(page).contains("`" + welcome.text() + "`");
        assertThat(library.render("group_seeding_day1", "g1", Map.of()).text()).contains("{划重点}");
    }
}
