package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;


/**
 * The hand-written reference: the skincare pack's 30 rules ({@code bench-pack/rules/*.drl}) as plain
 * Java if/else, giving the winning action. Faithful to the rule files rule by rule; the benchmark's setup
 * checks it against the library for every customer, so a drift in either shows at once.
 *
 * <p>Only valid for the skincare pack; stateless and thread-safe.
 */
public final class HandWrittenSkincare implements HandWritten {
    /** The id (in {@code pack.json}) of the pack these rules are written for. */
    public static final String PACK_ID = "skincare-test";

    private final ReferenceSettings settings;

    /** With the pack's thresholds, contact policy, timezone and decision clock. */
    HandWrittenSkincare(ReferenceSettings settings) {
        this.settings = settings;
    }

    @Override
    public IntentLevel intent(Customer c) {
        int score = 0;
        if (c.answered("urgency", "now")) {
            score += 40;
        }
        if (c.answered("urgency", "month")) {
            score += 20;
        }
        if (c.answered("urgency", "browsing")) {
            score -= 10;
        }
        if (c.asked("多少钱", "价格", "怎么买")) {
            score += 30;
        }
        if (c.asked("有用吗", "过敏")) {
            score += 10;
        }
        if (c.asked("不需要", "太贵")) {
            score -= 40;
        }
        if (c.isReplied()) {
            score += 10;
        }
        if (c.isClickedLink()) {
            score += 15;
        }
        if (c.getSilentHours() >= 48) {
            score -= 20;
        }
        return settings.level(score);
    }

    @Override
    public String decide(Customer c) {
        IntentLevel level = intent(c);
        boolean cold = level == IntentLevel.COLD;
        boolean warm = level == IntentLevel.WARM;
        boolean hot = level == IntentLevel.HOT;
        boolean newCustomer = c.getTags().isEmpty();
        boolean muted = settings.muted(c);
        boolean noGroup = c.asked("不需要");

        Best best = new Best(muted, hot);
        if (newCustomer) {
            best.offer("SEND_WELCOME", true, 80);
        }
        for (String need : new String[] {"D", "E", "A"}) {
            if (c.has(need)) {
                if (cold) {
                    best.offer("STOP_GENTLY", true, 40);
                } else if (warm) {
                    best.offer("STRENGTHEN_MOTIVE", true, 60);
                } else if (hot) {
                    best.offer("OFFER_PRODUCT", true, 90);
                }
            }
        }
        if (cold && !newCustomer && !c.hasAny("D", "E", "A")) {
            best.offer("STOP_GENTLY", true, 30);
        }
        if (warm && !newCustomer && !noGroup) {
            best.offer("INVITE_TO_GROUP", true, 50);
        }
        if (warm && !newCustomer && !c.isPurchasedBefore()) {
            best.offer("SEND_WELFARE", true, 55);
        }
        if (c.isPurchasedBefore()) {
            best.offer("SEND_WELFARE", true, 45);
        }
        if (c.has("D") && c.asked("多少钱")) {
            best.offer("OFFER_PRODUCT", true, 95);
        }
        if (c.hasAttribute("weatherAlert")) {
            best.offer("SEND_TIP", true, 99);
        }
        if (c.hasAttribute("doNotDisturb")) {
            best.offer("WAIT", false, 100);
        }
        return best.action;
    }

    /** Arbitration with the policy folded in: restraint, the daily cap and quiet hours. */
    private static final class Best {
        private final boolean muted;
        private final boolean hot;
        private String action = Decision.NONE;
        private int priority = Integer.MIN_VALUE;

        Best(boolean muted, boolean hot) {
            this.muted = muted;
            this.hot = hot;
        }

        void offer(String proposed, boolean sendsMessage, int proposedPriority) {
            if (sendsMessage && muted) {
                return;
            }
            if (proposed.equals("OFFER_PRODUCT") && !hot) {
                return;
            }
            if (proposedPriority > priority) {
                action = proposed;
                priority = proposedPriority;
            }
        }
    }
}
