package dev.tandem.finance.staging;

import java.util.Map;

/**
 * Dataverse billing types ({@code msdyn_billingtype}, §3.1) with the labels F&O shows for them. A billing type reaches
 * a line property through the legal entity's "Billing type defaults" (§3.8); a staged actual with a blank billing
 * type is "Not specified" and has no line property.
 */
public final class BillingTypes {

    public static final int NON_CHARGEABLE = 192350000;
    public static final int CHARGEABLE = 192350001;
    public static final int COMPLIMENTARY = 192350002;
    public static final int NOT_AVAILABLE = 192350003;

    private static final Map<Integer, String> LABELS = Map.of(NON_CHARGEABLE, "Non-chargeable", CHARGEABLE, "Chargeable",
            COMPLIMENTARY, "Complimentary", NOT_AVAILABLE, "Not available");

    private BillingTypes() {
    }

    /** The label of a billing type ("Not available"), or the bare value for one Dataverse does not publish. */
    public static String label(int billingType) {
        return LABELS.getOrDefault(billingType, String.valueOf(billingType));
    }
}
