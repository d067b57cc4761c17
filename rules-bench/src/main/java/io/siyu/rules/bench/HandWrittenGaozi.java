package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;


/**
 * The hand-written reference for the Gaozi example pack ({@code rules-examples/packs/gaozi/rules}): its 17
 * intent, 39 propose and 7 policy rules as plain Java, giving the winning action, its script and the intent
 * level. (The pack's 77 content rules plan group posts and play no part in a customer's decision.) Faithful to
 * the rule files rule by rule, in their order; {@code ReferencesTest} checks it against the library for every
 * sample customer and every benchmark customer, so a drift in either shows at once.
 *
 * <p>Only valid for the Gaozi pack; stateless and thread-safe.
 */
public final class HandWrittenGaozi implements HandWritten {
    /** The id (in {@code pack.json}) of the pack these rules are written for. */
    public static final String PACK_ID = "gaozi";

    private static final String[] CONCERNS = {"A", "B", "C", "D", "E", "F", "G", "H"};
    private static final String[] PRICE = {"多少钱", "价格", "怎么买", "链接", "怎么卖", "下单"};
    private static final String[] USAGE = {"怎么用", "多久见效", "用多久", "适合我吗"};
    private static final String[] URGENT = {"着急", "急死", "爆痘", "烂脸", "马上要", "下周要"};
    private static final String[] DOUBT = {"有用吗", "有效吗", "真的假的", "过敏", "副作用"};
    private static final String[] REFUSED = {"不需要", "太贵", "再说吧", "不用了", "别发了"};
    private static final String[] SAID_NO = {"不需要", "再说吧", "不用了", "别发了"};
    private static final String[] ALLERGY = {"过敏", "副作用"};
    private static final String[] EFFECT = {"有用吗", "有效吗", "真的假的"};
    /** The need groups of the propose rules, in file order: the concern codes and the script prefix. */
    private static final String[][] NEEDS = {{"D", "acne"}, {"C", "closed"}, {"A", "dry"}, {"E", "spots"},
        {"F", "sensitive"}, {"B", "oily"}, {"G", "general", "H"}};

    private final ReferenceSettings settings;

    /** With the pack's thresholds, contact policy, timezone and decision clock. */
    HandWrittenGaozi(ReferenceSettings settings) {
        this.settings = settings;
    }

    @Override
    public IntentLevel intent(Customer c) {
        int score = 0;
        if (c.hasAny(CONCERNS)) {
            score += 10;
        }
        if (c.answered("urgency", "now")) {
            score += 40;
        }
        if (c.answered("urgency", "month")) {
            score += 20;
        }
        if (c.answered("urgency", "browsing")) {
            score -= 5;
        }
        if (c.answered("budget", "high")) {
            score += 15;
        }
        if (c.answered("budget", "mid")) {
            score += 10;
        }
        if (c.hasAll("3", "4")) {
            score += 5;
        }
        if (c.asked(PRICE)) {
            score += 30;
        }
        if (c.asked(USAGE)) {
            score += 15;
        }
        if (c.asked(URGENT)) {
            score += 20;
        }
        if (c.asked(DOUBT)) {
            score += 10;
        }
        if (c.asked(REFUSED)) {
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
        if (c.getSilentHours() >= 168) {
            score -= 15;
        }
        if (c.isPurchasedBefore()) {
            score += 15;
        }
        return settings.level(score);
    }

    @Override
    public String decide(Customer c) {
        return best(c).action;
    }

    @Override
    public java.util.Optional<String> script(Customer c) {
        return java.util.Optional.of(best(c).script);
    }

    /** The proposals, the policy's vetoes and the arbitration, folded together. */
    private Best best(Customer c) {
        IntentLevel level = intent(c);
        boolean hot = level == IntentLevel.HOT;
        boolean answered = c.hasAny(CONCERNS);
        boolean saidNo = c.asked(SAID_NO);
        boolean allergy = c.asked(ALLERGY);
        boolean welfareSent = "sent".equals(c.text("welfare"));
        boolean muted = settings.muted(c);
        boolean noOffer = !hot || allergy || saidNo;
        boolean noInvite = saidNo || "joined".equals(c.text("group")) || c.isInFunnel();
        boolean noWelfare = c.isPurchasedBefore() || welfareSent;

        Best best = new Best(muted);
        if (!answered && c.getTouchesToday() == 0 && !c.isPurchasedBefore()) {
            best.offer("SEND_WELCOME", "welcome.new", 96);
        }
        if (!answered && c.getTouchesToday() > 0) {
            best.offer("REMIND_SURVEY", "welcome.survey_reminder", 40);
        }
        if (answered && !noWelfare) {
            best.offer("SEND_WELFARE", "welfare.gift", 70);
        }
        if (saidNo) {
            best.offer("STOP_GENTLY", "refusal.respect", 98);
        }
        if (allergy) {
            best.offer("ANSWER_DOUBT", "doubt.allergy", 95);
        }
        if (c.asked(EFFECT)) {
            best.offer("ANSWER_DOUBT", "doubt.effect", 80);
        }
        if (c.asked("太贵")) {
            best.offer("STRENGTHEN_MOTIVE", "price.value", 72);
        }
        if (c.isClickedLink() && !noOffer) {
            best.offer("OFFER_PRODUCT", "link.followup", 85);
        }
        if (c.isPurchasedBefore() && !hot) {
            best.offer("REPURCHASE_CARE", "repurchase.care", 62);
        }
        if (c.getSilentHours() >= 168) {
            best.offer("WAIT", "", 30);
        }
        best.offer("WAIT", "", 1);
        for (String[] need : NEEDS) {
            boolean has = need.length == 3 ? c.hasAny(need[0], need[2]) : c.has(need[0]);
            if (!has) {
                continue;
            }
            switch (level) {
                case COLD -> best.offer("STOP_GENTLY", need[1] + ".cold", 20);
                case WARM -> best.offer("STRENGTHEN_MOTIVE", need[1] + ".motive", 60);
                case HOT -> {
                    if (!noOffer) {
                        best.offer("OFFER_PRODUCT", need[1] + ".offer", 90);
                    }
                }
            }
            if (welfareSent && c.getSilentHours() >= 24 && !c.isPurchasedBefore() && !noInvite) {
                best.offer("INVITE_TO_GROUP", "group.invite." + need[1], 65);
            }
        }
        return best;
    }

    /** Arbitration with the messages policy folded in: the first proposal of the highest priority wins. */
    private static final class Best {
        private final boolean muted;
        private String action = Decision.NONE;
        private String script = "";
        private int priority = Integer.MIN_VALUE;

        Best(boolean muted) {
            this.muted = muted;
        }

        void offer(String proposed, String scriptId, int proposedPriority) {
            if (muted && !scriptId.isEmpty()) {
                return;
            }
            if (proposedPriority > priority) {
                action = proposed;
                script = scriptId;
                priority = proposedPriority;
            }
        }
    }
}
