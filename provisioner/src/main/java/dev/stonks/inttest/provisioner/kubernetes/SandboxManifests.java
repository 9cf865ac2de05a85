package dev.stonks.inttest.provisioner.kubernetes;

import dev.stonks.inttest.events.RunContext;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The sandbox manifests of {@code infra/inttest/} as typed objects for one namespace: the namespace with the
 * pipeline's labels, the infrastructure (postgres.yaml, redis.yaml, minio.yaml, with the migrations ConfigMap
 * filled), the services (services.yaml with the run's image tag set on the container fields), and the runner Job.
 * Every file is parsed strictly ({@link StrictModel}); placeholders are replaced structurally
 * ({@link ManifestTemplate}).
 */
public final class SandboxManifests {
    public static final String NAMESPACE_FILE = "namespace.yaml";
    public static final List<String> INFRA_FILES = List.of("postgres.yaml", "redis.yaml", "minio.yaml");
    public static final String SERVICES_FILE = "services.yaml";
    public static final String RUNNER_FILE = "runner.yaml";
    public static final String MIGRATIONS_CONFIG_MAP = "postgres-migrations";

    private final KubernetesSettings settings;

    public SandboxManifests(KubernetesSettings settings) {
        this.settings = settings;
    }

    /** namespace.yaml for {@code namespace}, with the ownership labels and the run's annotations. */
    public Namespace namespace(String namespace, String runId, RunContext context, Instant createdAt,
            Instant expiresAt) {
        List<HasMetadata> objects = load(NAMESPACE_FILE, namespace, null);
        if (objects.size() != 1 || !(objects.get(0) instanceof Namespace ns)) {
            throw new ManifestException(NAMESPACE_FILE + " must hold exactly one Namespace");
        }
        if (!namespace.equals(ns.getMetadata().getName())) {
            throw new ManifestException(NAMESPACE_FILE + " names " + ns.getMetadata().getName() + ", not "
                    + namespace + ": use ${NAMESPACE}");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (ns.getMetadata().getLabels() != null) {
            labels.putAll(ns.getMetadata().getLabels());
        }
        labels.putAll(SandboxLabels.ownerLabels(runId, expiresAt));
        ns.getMetadata().setLabels(labels);
        Map<String, String> annotations = new LinkedHashMap<>();
        if (ns.getMetadata().getAnnotations() != null) {
            annotations.putAll(ns.getMetadata().getAnnotations());
        }
        annotations.put(SandboxLabels.ANNOTATION_CREATED_AT, createdAt.toString());
        annotations.put(SandboxLabels.ANNOTATION_EXPIRES_AT, expiresAt.toString());
        annotations.put(SandboxLabels.ANNOTATION_IMAGE_TAG, context.imageTag());
        annotations.put(SandboxLabels.ANNOTATION_SKIP_TEARDOWN, Boolean.toString(context.skipTeardown()));
        annotations.put(SandboxLabels.ANNOTATION_SCALE, Integer.toString(context.scale()));
        ns.getMetadata().setAnnotations(annotations);
        return ns;
    }

    /** postgres.yaml, redis.yaml and minio.yaml for {@code namespace}, the migrations ConfigMap filled. */
    public List<HasMetadata> infrastructure(String namespace) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String file : INFRA_FILES) {
            objects.addAll(load(file, namespace, null));
        }
        ConfigMap migrations = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> MIGRATIONS_CONFIG_MAP.equals(c.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new ManifestException("postgres.yaml has no ConfigMap " + MIGRATIONS_CONFIG_MAP));
        migrations.setData(migrations());
        return objects;
    }

    /** services.yaml for {@code namespace}, every container of the target's image repository at {@code imageTag}. */
    public List<HasMetadata> services(String namespace, String imageTag) {
        List<HasMetadata> objects = load(SERVICES_FILE, namespace, null);
        String image = image(imageTag);
        for (HasMetadata object : objects) {
            PodSpec pod = podSpec(object);
            if (pod == null) {
                continue;
            }
            int set = 0;
            for (Container c : containers(pod)) {
                if (ImageReference.parse(c.getImage()).repository().equals(settings.imageRepository())) {
                    c.setImage(image);
                    set++;
                }
            }
            if (set == 0) {
                throw new ManifestException(SERVICES_FILE + ": " + object.getKind() + " "
                        + object.getMetadata().getName() + " has no container of " + settings.imageRepository()
                        + " to set the image tag on");
            }
        }
        return objects;
    }

    /** runner.yaml for a run of {@code imageTag} in the sandbox {@code namespace}. */
    public Job runner(String namespace, String imageTag) {
        List<HasMetadata> objects = load(RUNNER_FILE, namespace, imageTag);
        if (objects.size() != 1 || !(objects.get(0) instanceof Job job)) {
            throw new ManifestException(RUNNER_FILE + " must hold exactly one Job");
        }
        return job;
    }

    /**
     * Every object infra_deploy and service_deploy apply for a run, in the order they are applied, with the Secret's
     * values replaced by a note (a dry run shows what is made, never a credential).
     */
    public List<HasMetadata> plan(String runId, RunContext context, Instant createdAt, Instant expiresAt) {
        String ns = context.namespace();
        List<HasMetadata> all = new ArrayList<>();
        all.add(namespace(ns, runId, context, createdAt, expiresAt));
        all.add(SandboxSecret.redacted(ns, settings.postgresUser(), settings.postgresDatabase(), settings.bucket()));
        all.addAll(ordered(infrastructure(ns)));
        all.addAll(ordered(services(ns, context.imageTag())));
        return all;
    }

    /** ConfigMaps and Secrets first, then Services, then workloads, so that pods find what they mount and reach. */
    static List<HasMetadata> ordered(List<HasMetadata> objects) {
        List<HasMetadata> sorted = new ArrayList<>(objects);
        sorted.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        return sorted;
    }

    private static int rank(HasMetadata object) {
        return switch (object.getKind()) {
            case "ConfigMap", "Secret" -> 0;
            case "Service" -> 1;
            case "Job" -> 3;
            default -> 2;
        };
    }

    /** The image the services of {@code imageTag} run. */
    public String image(String imageTag) {
        return ImageReference.parse(settings.imageRepository()).withTag(imageTag).toString();
    }

    /** infra/migrations/*.sql by file name, for the ConfigMap. */
    public Map<String, String> migrations() {
        Path dir = settings.migrationsDir();
        if (!Files.isDirectory(dir)) {
            throw new ManifestException("no migrations folder at " + dir);
        }
        Map<String, String> data = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                data.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migrations in " + dir, e);
        }
        return data;
    }

    /**
     * One manifest rendered and parsed; sandbox objects are namespaced into {@code namespace} (one that names another
     * namespace is refused, so a manifest cannot reach outside its sandbox).
     */
    List<HasMetadata> load(String file, String namespace, String imageTag) {
        Map<Placeholder, String> values = new LinkedHashMap<>();
        values.put(Placeholder.NAMESPACE, namespace);
        if (imageTag != null) {
            values.put(Placeholder.IMAGE_TAG, imageTag);
        }
        ManifestTemplate template = ManifestTemplate.read(settings.manifestsDir().resolve(file));
        List<HasMetadata> objects = new ArrayList<>();
        template.render(values).forEach(node -> objects.add(StrictModel.parse(node, file)));
        if (!RUNNER_FILE.equals(file)) {
            for (HasMetadata object : objects) {
                if (object instanceof Namespace) {
                    continue;
                }
                String declared = object.getMetadata().getNamespace();
                if (declared != null && !declared.equals(namespace)) {
                    throw new ManifestException(file + ": " + object.getKind() + " " + object.getMetadata().getName()
                            + " is in namespace " + declared + ", outside the sandbox " + namespace);
                }
                object.getMetadata().setNamespace(namespace);
            }
        }
        return objects;
    }

    static PodSpec podSpec(HasMetadata object) {
        if (object instanceof Deployment d) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (object instanceof StatefulSet s) {
            return s.getSpec().getTemplate().getSpec();
        }
        if (object instanceof Job j) {
            return j.getSpec().getTemplate().getSpec();
        }
        return null;
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        return all;
    }
}
