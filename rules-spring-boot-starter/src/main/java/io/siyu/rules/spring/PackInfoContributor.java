package io.siyu.rules.spring;

import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.RulePack;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rule pack in {@code /actuator/info}, under {@code siyuRules}: {@code pack} (id), {@code version},
 * {@code rules} and {@code scripts} (how many), {@code source}, {@code ready}. While the pack is not ready, only
 * {@code source} and {@code ready: false}.
 */
final class PackInfoContributor implements InfoContributor {
    private final LiveRulePack live;

    PackInfoContributor(LiveRulePack live) {
        this.live = live;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("siyuRules", describe(live));
    }

    static Map<String, Object> describe(LiveRulePack live) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (live.isReady()) {
            RulePack pack = live.current();
            out.put("pack", pack.id());
            out.put("version", pack.version());
            out.put("rules", pack.rules().size());
            out.put("scripts", pack.scripts().ids().size());
        }
        out.put("source", live.source().name());
        out.put("ready", live.isReady());
        return out;
    }
}
