package dev.stonks.inttest.promoter.kargo;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The Kargo kinds the promoter reads and writes, {@code kargo.akuity.io/v1alpha1}, as generic resources. */
public final class KargoKinds {
    public static final String GROUP = "kargo.akuity.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    public static final ResourceDefinitionContext PROMOTION = kind("Promotion", "promotions");
    public static final ResourceDefinitionContext FREIGHT = kind("Freight", "freights");
    public static final ResourceDefinitionContext STAGE = kind("Stage", "stages");

    private KargoKinds() {
    }

    private static ResourceDefinitionContext kind(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(VERSION).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
