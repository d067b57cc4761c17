package demo.vip;

/** A host's own helper that rules may call: customers whose CRM id starts with "vip-". */
public final class Vip {
    private Vip() {
    }

    /** Whether the customer with this id is a VIP. */
    public static boolean isVip(String customerId) {
        return customerId.startsWith("vip-");
    }
}
