package io.siyu.rules.bench;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.Question.Option;
import io.siyu.rules.codebook.Question;
import io.siyu.rules.codebook.QuestionType;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.pack.RulePack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fixed, reproducible set of varied customers for a pack's codebook: a quarter each of cold, warm and hot
 * profiles and of new customers who have not answered the survey yet, with random survey answers, messages,
 * behaviour signals and attributes. The same seed always gives the same customers.
 */
public final class CustomerSet {
    /** How many customers the decision benchmarks cycle through. */
    public static final int SIZE = 1_000;
    /** The seed of the benchmarks' customer set. */
    public static final long SEED = 20261123L;

    private static final String[] COLD_MESSAGES = {"不需要", "太贵了", "再看看", "嗯"};
    private static final String[] WARM_MESSAGES = {"这个有用吗", "会过敏吗", "我是敏感肌", "最近长了好多"};
    private static final String[] HOT_MESSAGES = {"这个多少钱呀", "怎么买", "价格多少", "有优惠吗，多少钱"};
    private static final String[] NICKNAMES = {"小美", "阿珍", "Lily", "王女士", "小雨"};
    private static final String[] CITIES = {"上海", "杭州", "成都", "广州"};

    /** Messages the Gaozi pack's rules listen for that the three pools above do not have. */
    private static final String[] MORE_MESSAGES = {"怎么用呀", "多久见效", "着急，下周要见人", "爆痘了", "真的假的",
        "有副作用吗", "再说吧", "别发了", "发个链接", "想下单了", "好的", "嗯嗯我看看", "适合我吗", "怎么卖"};
    /** The seed of the extra variety {@link #forPack} adds for packs other than the skincare pack. */
    private static final long MORE_SEED = 20261124L;

    private CustomerSet() {
    }

    /**
     * The customers the benchmarks use for a pack: {@link #standard} for the skincare pack (the bench pack,
     * unchanged so that its figures stay comparable with earlier runs), and for any other pack the same
     * customers with more variety from a second seed (more messages, {@code welfare}/{@code group}
     * attributes, funnel positions, long silences), so that a pack such as Gaozi reaches its other rules too.
     */
    public static List<Customer> forPack(RulePack pack) {
        List<Customer> standard = standard(pack.codebook());
        if (HandWrittenSkincare.PACK_ID.equals(pack.id())) {
            return standard;
        }
        Random random = new Random(MORE_SEED);
        List<Customer> out = new ArrayList<>(standard.size());
        for (Customer c : standard) {
            Customer.Builder b = c.toBuilder();
            if (random.nextInt(3) == 0) {
                b.message(MORE_MESSAGES[random.nextInt(MORE_MESSAGES.length)]);
            }
            if (random.nextInt(3) == 0) {
                b.attribute("welfare", "sent");
            }
            if (random.nextInt(7) == 0) {
                b.attribute("group", "joined");
            }
            if (random.nextInt(10) == 0) {
                boolean seeding = random.nextBoolean();
                b.funnel(seeding ? Stage.SEEDING : Stage.CONVERSION, seeding ? 1 + random.nextInt(5)
                        : 6 + random.nextInt(6));
            }
            if (random.nextInt(10) == 0) {
                b.silentHours(168 + random.nextInt(200));
            }
            out.add(b.build());
        }
        return List.copyOf(out);
    }

    /** {@value #SIZE} customers from {@value #SEED}. */
    public static List<Customer> standard(Codebook codebook) {
        return generate(codebook, SIZE, SEED);
    }

    /** {@code n} customers for this codebook from this seed. */
    public static List<Customer> generate(Codebook codebook, int n, long seed) {
        Random random = new Random(seed);
        List<Customer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Customer.Builder b = Customer.builder("bench-" + i);
            int profile = i % 4;
            if (profile != 3) {
                b.tags(codebook.encode(answers(codebook, random)));
            }
            String[] pool = switch (profile) {
                case 0 -> COLD_MESSAGES;
                case 1 -> WARM_MESSAGES;
                default -> HOT_MESSAGES;
            };
            int messages = profile == 3 ? random.nextInt(2) : 1 + random.nextInt(2);
            for (int m = 0; m < messages; m++) {
                b.message(pool[random.nextInt(pool.length)]);
            }
            b.replied(profile != 0 && random.nextBoolean())
                    .clickedLink(profile == 2 && random.nextBoolean())
                    .silentHours(profile == 0 ? 24 + random.nextInt(72) : random.nextInt(24))
                    .purchasedBefore(random.nextInt(5) == 0)
                    .touchesToday(random.nextInt(20) == 0 ? 3 : random.nextInt(3));
            if (random.nextBoolean()) {
                b.attribute("nickname", NICKNAMES[random.nextInt(NICKNAMES.length)]);
            }
            if (random.nextInt(30) == 0) {
                b.attribute("weatherAlert", true).attribute("city", CITIES[random.nextInt(CITIES.length)]);
            }
            if (random.nextInt(50) == 0) {
                b.attribute("doNotDisturb", true);
            }
            out.add(b.build());
        }
        return List.copyOf(out);
    }

    /** Random survey answers: every required question, and most optional ones. */
    static Map<String, Object> answers(Codebook codebook, Random random) {
        Map<String, Object> answers = new HashMap<>();
        for (Question q : codebook.questions()) {
            if (!q.required() && random.nextInt(10) < 3) {
                continue;
            }
            List<Option> options = q.options();
            if (q.type() == QuestionType.MULTI) {
                List<String> chosen = new ArrayList<>();
                int count = 1 + random.nextInt(Math.min(2, options.size()));
                while (chosen.size() < count) {
                    String id = options.get(random.nextInt(options.size())).id();
                    if (!chosen.contains(id)) {
                        chosen.add(id);
                    }
                }
                answers.put(q.id(), chosen);
            } else {
                answers.put(q.id(), options.get(random.nextInt(options.size())).id());
            }
        }
        return answers;
    }
}
