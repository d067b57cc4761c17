package io.siyu.rules.spring;

import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Actuator endpoint {@code siyurules}: {@code GET} shows the pack (as {@code /actuator/info} does, with the last
 * rejected build's problems), {@code POST} reloads it from its source. Off by default: turn it on with
 * {@code management.endpoint.siyurules.access=unrestricted} and expose it
 * ({@code management.endpoints.web.exposure.include=health,info,siyurules}); secure it as you secure any
 * write endpoint.
 *
 * <p>Thread-safe, as {@link LiveRulePack} is: reloads are serialised there.
 */
@Endpoint(id = "siyurules", defaultAccess = Access.NONE)
public class SiyuRulesEndpoint {
    private final LiveRulePack live;

    /**
     * The endpoint of a pack.
     *
     * @param live the pack
     * @throws NullPointerException when {@code live} is null
     */
    public SiyuRulesEndpoint(LiveRulePack live) {
        this.live = Objects.requireNonNull(live, "live");
    }

    /**
     * The pack: {@code pack}, {@code version}, {@code rules}, {@code scripts}, {@code source}, {@code ready}, and
     * {@code lastRejected} (the problems of the last rejected build, as {@code file:line:column: message}) when a
     * build was rejected since the last that succeeded.
     *
     * @return the description; a new map
     */
    @ReadOperation
    public Map<String, Object> pack() {
        Map<String, Object> out = PackInfoContributor.describe(live);
        live.lastRejected().ifPresent(e -> out.put("lastRejected", PackHealth.problems(e)));
        return out;
    }

    /**
     * Reads the pack's source again and serves it when it is sound.
     *
     * @return {@code outcome} {@code reloaded} with the new {@code version}, or {@code rejected} with the
     *         {@code problems} (the previous version keeps serving); a new map
     */
    @WriteOperation
    public Map<String, Object> reload() {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            RulePack pack = live.reload();
            out.put("outcome", "reloaded");
            out.put("pack", pack.id());
            out.put("version", pack.version());
        } catch (RulePackException e) {
            // Already logged at WARN and told to the listeners by LiveRulePack; the caller gets the problems.
            out.put("outcome", "rejected");
            out.put("problems", PackHealth.problems(e));
        }
        return out;
    }
}
