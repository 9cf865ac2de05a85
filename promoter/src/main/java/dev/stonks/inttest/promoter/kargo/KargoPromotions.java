package dev.stonks.inttest.promoter.kargo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.promoter.chain.PromotionBackend;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;

/**
 * The promoter's view of one Kargo project (its namespace): find the Freight of a build, create a Promotion of it to
 * a Stage, and follow the Promotion and the Freight's verification. No typed Kargo model: generic resources with
 * explicit {@link KargoKinds}.
 *
 * <p>A Promotion is built as Kargo's own API builds one: {@code spec.stage}, {@code spec.freight}, and the steps and
 * vars of the Stage's {@code promotionTemplate} (the CRD requires at least one step).
 */
public class KargoPromotions implements PromotionBackend {
    public static final String LABEL_RUN_ID = "inttest.stonks.dev/run-id";
    public static final String ANNOTATION_IMAGE_TAG = "inttest.stonks.dev/image-tag";
    public static final String MANAGED_BY = "inttest-promoter";
    private static final Logger LOG = Logger.getLogger(KargoPromotions.class);
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Set<String> FAILED_VERIFICATION = Set.of("Failed", "Error", "Errored", "Aborted",
            "Inconclusive");

    private final KubernetesClient client;
    private final String namespace;
    private final Optional<String> imageRepository;

    public KargoPromotions(KubernetesClient client, String namespace, Optional<String> imageRepository) {
        this.client = client;
        this.namespace = namespace;
        this.imageRepository = imageRepository;
    }

    @Override
    public String name() {
        return PromotionDecided.BACKEND_KARGO;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    /**
     * The Freight of the project with an image at {@code imageTag} (from the configured repository, when one is); the
     * newest when several match.
     */
    @Override
    public Optional<String> freightFor(String imageTag) {
        List<GenericKubernetesResource> freight;
        try {
            freight = ops(KargoKinds.FREIGHT).list().getItems();
        } catch (KubernetesClientException e) {
            throw KargoException.of("cannot list Freight in namespace " + namespace, e);
        }
        return freight.stream().map(KargoPromotions::tree)
                .filter(f -> StreamSupport.stream(f.path("images").spliterator(), false)
                        .anyMatch(i -> imageTag.equals(i.path("tag").asText(null))
                                && imageRepository.map(r -> r.equals(i.path("repoURL").asText())).orElse(true)))
                .max(Comparator.comparing(KargoPromotions::created))
                .map(f -> f.path("metadata").path("name").asText());
    }

    /**
     * Creates the Promotion {@code name} of {@code freight} to {@code stage}. Returns false when it already existed
     * (a redelivered verdict, or a restart after creating it): the existing one is followed, not duplicated.
     */
    @Override
    public boolean promote(String name, String stage, String freight, String runId, String imageTag) {
        JsonNode template = stageTemplate(stage);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("stage", stage);
        spec.put("freight", freight);
        if (template.path("vars").isArray() && !template.path("vars").isEmpty()) {
            spec.put("vars", PLAIN.convertValue(template.path("vars"), List.class));
        }
        spec.put("steps", PLAIN.convertValue(template.path("steps"), List.class));
        GenericKubernetesResource promotion = new GenericKubernetesResource();
        promotion.setApiVersion(KargoKinds.API_VERSION);
        promotion.setKind(KargoKinds.PROMOTION.getKind());
        promotion.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", MANAGED_BY)
                .addToLabels(LABEL_RUN_ID, runId)
                .addToAnnotations(ANNOTATION_IMAGE_TAG, imageTag).build());
        promotion.setAdditionalProperty("spec", spec);
        try {
            ops(KargoKinds.PROMOTION).resource(promotion).create();
            LOG.infof("run %s: created Promotion %s/%s (stage %s, freight %s)", runId, namespace, name, stage,
                    freight);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                LOG.infof("run %s: Promotion %s/%s already exists; following it", runId, namespace, name);
                return false;
            }
            throw KargoException.of("cannot create Promotion " + name + " for stage " + stage, e);
        }
    }

    /** The Promotion's phase and message; empty when there is no such Promotion. */
    @Override
    public Optional<PromotionStatus> status(String name) {
        GenericKubernetesResource promotion;
        try {
            promotion = ops(KargoKinds.PROMOTION).withName(name).get();
        } catch (KubernetesClientException e) {
            throw KargoException.of("cannot read Promotion " + name, e);
        }
        if (promotion == null) {
            return Optional.empty();
        }
        JsonNode status = tree(promotion).path("status");
        return Optional.of(new PromotionStatus(status.path("phase").asText(""), status.path("message")
                .asText(null)));
    }

    /**
     * Whether {@code freight} is verified in {@code stage}: Freight {@code status.verifiedIn.<stage>}, or failed:
     * the Stage's latest verification of that Freight ({@code status.freightHistory[].verificationHistory[0]}, newest
     * first) ended unsuccessfully.
     */
    @Override
    public Verification verification(String freight, String stage) {
        try {
            GenericKubernetesResource f = ops(KargoKinds.FREIGHT).withName(freight).get();
            if (f == null) {
                throw KargoException.permanent("Freight " + freight + " no longer exists in namespace " + namespace);
            }
            if (tree(f).path("status").path("verifiedIn").has(stage)) {
                return Verification.verified();
            }
            GenericKubernetesResource s = ops(KargoKinds.STAGE).withName(stage).get();
            if (s == null) {
                return Verification.pending();
            }
            for (JsonNode entry : tree(s).path("status").path("freightHistory")) {
                boolean ours = StreamSupport.stream(entry.path("items").spliterator(), false)
                        .anyMatch(i -> freight.equals(i.path("name").asText()));
                JsonNode latest = entry.path("verificationHistory").path(0);
                if (ours && FAILED_VERIFICATION.contains(latest.path("phase").asText())) {
                    String message = latest.path("message").asText("");
                    return new Verification(Verification.Outcome.FAILED, latest.path("phase").asText()
                            + (message.isBlank() ? "" : ": " + message));
                }
            }
            return Verification.pending();
        } catch (KubernetesClientException e) {
            throw KargoException.of("cannot read the verification of Freight " + freight + " in stage " + stage, e);
        }
    }

    private JsonNode stageTemplate(String stage) {
        GenericKubernetesResource s;
        try {
            s = ops(KargoKinds.STAGE).withName(stage).get();
        } catch (KubernetesClientException e) {
            throw KargoException.of("cannot read Stage " + stage, e);
        }
        if (s == null) {
            throw KargoException.permanent("there is no Stage " + stage + " in namespace " + namespace);
        }
        JsonNode template = tree(s).path("spec").path("promotionTemplate").path("spec");
        if (!template.path("steps").isArray() || template.path("steps").isEmpty()) {
            throw KargoException.permanent("Stage " + stage + " has no promotion steps (spec.promotionTemplate.spec"
                    + ".steps)");
        }
        return template;
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> ops(ResourceDefinitionContext kind) {
        return client.genericKubernetesResources(kind).inNamespace(namespace);
    }

    private static JsonNode tree(GenericKubernetesResource resource) {
        return PLAIN.valueToTree(resource);
    }

    private static Instant created(JsonNode resource) {
        String at = resource.path("metadata").path("creationTimestamp").asText("");
        try {
            return at.isEmpty() ? Instant.EPOCH : Instant.parse(at);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}
