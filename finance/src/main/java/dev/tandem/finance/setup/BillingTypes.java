package dev.tandem.finance.setup;

import java.util.Map;

/**
 * Dataverse billing types ({@code msdyn_billingtype}, §3.1) with the labels F&O shows for them. A billing type reaches
 * a line property through the legal entity's "Billing type defaults" (§3.8); a staged actual with a blank billing
 * type is "Not specified" and gets the line property the legal entity sets up for {@link #NOT_SPECIFIED}, or none
 * when it sets up none (the usual case of cost actuals, whose line property posts nothing).
 */
public final class BillingTypes {

    public static final int NON_CHARGEABLE = 192350000;
    public static final int CHARGEABLE = 192350001;
    public static final int COMPLIMENTARY = 192350002;
    public static final int NOT_AVAILABLE = 192350003;
    /**
     * "Not specified" of the "Billing type defaults" (§3.8): the key under which a legal entity maps a <b>blank</b>
     * billing type to a line property. Not a Dataverse value (Dataverse has no option 0).
     */
    public static final int NOT_SPECIFIED = 0;

    private static final Map<Integer, String> LABELS = Map.of(NON_CHARGEABLE, "Non-chargeable", CHARGEABLE, "Chargeable",
            COMPLIMENTARY, "Complimentary", NOT_AVAILABLE, "Not available", NOT_SPECIFIED, "Not specified");

    private BillingTypes() {
    }

    /** The label of a billing type ("Not available"), or the bare value for one Dataverse does not publish. */
    public static String label(int billingType) {
        return LABELS.getOrDefault(billingType, String.valueOf(billingType));
    }

    /** Whether {@code key} is a row of the "Billing type defaults" (§3.8): Not specified or one of the four types. */
    public static boolean isDefaultKey(int key) {
        return LABELS.containsKey(key);
    }

    /** The key of the "Billing type defaults" row of a staged billing type: {@link #NOT_SPECIFIED} for a blank one. */
    public static int defaultKey(Integer billingType) {
        return billingType == null ? NOT_SPECIFIED : billingType;
    }
}
