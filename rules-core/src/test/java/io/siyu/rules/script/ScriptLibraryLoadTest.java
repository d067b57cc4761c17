package io.siyu.rules.script;

import io.siyu.rules.script.ScriptLibrary.Variable;
import io.siyu.rules.script.ScriptLibrary.Persona;
import io.siyu.rules.script.Script.Channel;
import io.siyu.rules.script.Script.Variant;
import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ScriptLibraryLoadTest {

    @Test
    void loadsEveryPartOfARealisticLibrary() {
        ScriptLibrary library = TestLibraries.gaozi();

        assertThat(library.id()).contains("gaozi-scripts");
        assertThat(library.version()).contains("2026.11");
        assertThat(library.ids()).containsExactly("welcome", "survey_reminder", "acne_light_touch",
                "acne_strengthen", "acne_offer", "welfare_gift", "group_invite", "group_seeding_day1",
                "group_conversion_notice", "short_reply");
        assertThat(library.scripts()).extracting(Script::id).containsExactlyElementsOf(library.ids());
        assertThat(library.personas()).containsOnly(
                Map.entry("xiaowanzi", new Persona("xiaowanzi", "小丸子", "懂护肤的小姐姐：和客户一样，但比客户多懂一点")),
                Map.entry("expert", new Persona("expert", "高姿皮肤管理师", "")));
        assertThat(library.variables().get("nickname"))
                .isEqualTo(new Variable("nickname", Optional.empty(), "客户的微信昵称，来自客户资料"));
        assertThat(library.variables().get("product").defaultValue()).contains("高姿祛痘精华");
        assertThat(library.contains("welcome")).isTrue();
        assertThat(library.contains("goodbye")).isFalse();
        assertThat(library.script("goodbye")).isEmpty();
    }

    @Test
    void aScriptKeepsWhatStaffWrote() {
        ScriptLibrary library = TestLibraries.gaozi();

        Script offer = library.script("acne_offer").orElseThrow();
        assertThat(offer.description()).isEqualTo("强意向：直接推荐产品（A/B 测试两种说法）");
        assertThat(offer.persona().name()).isEqualTo("小丸子");
        assertThat(offer.channel()).isEqualTo(Channel.ONE_TO_ONE);
        assertThat(offer.tags()).containsExactly("3", "D");
        assertThat(offer.text()).isEmpty();
        assertThat(offer.variants()).extracting(Variant::id, Variant::weight).containsExactly(tuple("a", 70),
                tuple("b", 30));
        assertThat(offer.variables()).containsExactly("nickname", "product", "gift");
        assertThat(offer.requiredVariables()).containsExactly("nickname");
        assertThat(offer.maxLength()).isEqualTo(OptionalInt.of(300)); // the library's maxLength

        Script seeding = library.script("group_seeding_day1").orElseThrow();
        assertThat(seeding.channel()).isEqualTo(Channel.GROUP);
        assertThat(seeding.text()).contains("姐妹们早上好☀️ 我是{persona}。今天聊聊闭口的成因：{{划重点}}——清洁过度反而会让屏障受损哦！");
        assertThat(seeding.requiredVariables()).isEmpty();

        Script invite = library.script("group_invite").orElseThrow();
        assertThat(invite.defaults()).containsExactly(Map.entry("group", "高姿祛痘互助群"));

        Script notice = library.script("group_conversion_notice").orElseThrow();
        assertThat(notice.maxLength()).isEqualTo(OptionalInt.of(40));
        assertThat(notice.truncate()).isTrue();
    }

    @Test
    void parseReportsTheNameItIsGiven() {
        String json = TestLibraries.read("broken-scripts.json");

        ScriptException e = catchThrowableOfType(ScriptException.class,
                () -> ScriptLibrary.parse("scripts.json", json, Locale.ENGLISH));

        assertThat(e.diagnostics()).extracting(Diagnostic::file).containsOnly("scripts.json");
        assertThat(e.getMessage()).startsWith("The script library scripts.json cannot be used: it has 17 problems.")
                .contains("\n  scripts.json:11:109: The text of script \"welcome\" uses the variable \"produt\"");
    }

    @Test
    void aFileThatCannotBeReadIsAScriptException() {
        Path missing = TestLibraries.DIRECTORY.resolve("no-such-scripts.json");

        ScriptException e = catchThrowableOfType(ScriptException.class,
                () -> ScriptLibrary.load(missing, Locale.ENGLISH));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("script.unreadable");
            assertThat(d.file()).isEqualTo(missing.toString());
            assertThat(d.line()).isZero();
            assertThat(d.message()).startsWith("The script library " + missing + " cannot be read (")
                    .endsWith("). Check that it exists, that it may be read, and that it is saved as UTF-8.");
        });
        assertThat(e.getCause()).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void theEmptyLibraryHasNoScripts() {
        ScriptLibrary empty = ScriptLibrary.empty();

        assertThat(empty.ids()).isEmpty();
        assertThat(empty.scripts()).isEmpty();
        assertThatThrownBy(() -> empty.render("welcome", "c1", Map.of()))
                .isInstanceOf(ScriptRenderException.class)
                .hasMessage("Script \"welcome\" cannot be rendered.\n  scripts.json:0:0: There is no script with the"
                        + " id \"welcome\" in the script library. Check the script id the rule chose.");
    }

    @Test
    void personasMayBeAList() {
        String json = """
                {
                  "personas": [ { "id": "xiaowanzi", "name": "小丸子", "description": "护肤达人" } ],
                  "scripts": [ { "id": "hi", "persona": "xiaowanzi", "channel": "group", "text": "大家好，我是{persona}" } ]
                }
                """;

        ScriptLibrary library = ScriptLibrary.parse("scripts.json", json, Locale.ENGLISH);

        assertThat(library.personas().get("xiaowanzi")).isEqualTo(new Persona("xiaowanzi", "小丸子", "护肤达人"));
        assertThat(library.render("hi", "c1", Map.of()).text()).isEqualTo("大家好，我是小丸子");
    }
}
