package io.siyu.rules.spring;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.pack.PackManifest;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The funnel settings of a pack that is still being built, read from its files the way the pack reads them: its
 * {@code funnel.json}, or, when it has none, the defaults in the timezone of its {@code pack.json}. Reading two small
 * JSON files is quick; compiling the rules is what the background build is for.
 */
final class PackFunnelConfig {
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final ZoneId PACK_DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private PackFunnelConfig() {
    }

    /**
     * The settings.
     *
     * @throws io.siyu.rules.funnel.FunnelConfigException when {@code funnel.json} has problems
     * @throws UncheckedIOException when the source cannot be read
     */
    static FunnelConfig read(PackSource source, Locale locale) {
        Locale l = locale == null ? Locale.getDefault() : locale;
        try {
            return FunnelConfig.parse(RulePack.FUNNEL_FILE, text(source, RulePack.FUNNEL_FILE), l);
        } catch (NoSuchFileException none) {
            return FunnelConfig.defaults().withZone(packZone(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RulePack.FUNNEL_FILE + " of " + source.name(), e);
        }
    }

    /** The pack's timezone; the pack's default when pack.json cannot tell (its build will say why). */
    private static ZoneId packZone(PackSource source) {
        try {
            JsonNode zone = LENIENT.readTree(text(source, PackManifest.FILE)).path("timezone");
            return zone.isTextual() ? ZoneId.of(zone.asText()) : PACK_DEFAULT_ZONE;
        } catch (IOException | DateTimeException e) {
            return PACK_DEFAULT_ZONE;
        }
    }

    private static String text(PackSource source, String file) throws IOException {
        try (InputStream in = source.open(file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }
}
