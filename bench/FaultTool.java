import dev.stonks.inttest.events.TopicReader;
import dev.stonks.inttest.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fault injection on a stack's broker, for bench/faults.sh (run as a single-file program on the CLI's class path):
 *
 * <pre>
 * poison BOOTSTRAP N                  N poison records on each of inttest.runs, .stages, .verdicts (ids poison-*)
 * dlq BOOTSTRAP                       per topic: poison ids published vs found in inttest.dlq, with their reasons
 * duplicate BOOTSTRAP RUN STAGE TIMES re-publishes the run's stage.completed of STAGE (same ce_id) TIMES more
 * </pre>
 */
public class FaultTool {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "poison" -> poison(args[1], Integer.parseInt(args[2]));
            case "dlq" -> dlq(args[1]);
            case "duplicate" -> duplicate(args[1], args[2], args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** Four kinds of poison, in turn: not JSON, an unknown type, an unsupported major version, a missing field. */
    static void poison(String bootstrap, int n) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (String topic : List.of(Topics.RUNS, Topics.STAGES, Topics.VERDICTS)) {
                String prefix = topic.equals(Topics.RUNS) ? "run" : topic.equals(Topics.STAGES) ? "stage" : "run";
                String name = topic.equals(Topics.STAGES) ? "stage.completed" : topic.equals(Topics.RUNS)
                        ? "run.requested" : "run.verdict";
                for (int i = 0; i < n; i++) {
                    String id = "poison-" + topic + "-" + i;
                    RecordHeaders h = new RecordHeaders();
                    h.add("ce_specversion", b("1.0"));
                    h.add("ce_id", b(id));
                    h.add("ce_source", b("/inttest/faults"));
                    h.add("ce_subject", b("stonks-inttest-poison"));
                    h.add("content-type", b("application/json"));
                    byte[] value;
                    switch (i % 4) {
                        case 0 -> {
                            h.add("ce_type", b("dev.stonks.inttest." + name + ".v1"));
                            value = b("this is not json {");
                        }
                        case 1 -> {
                            h.add("ce_type", b("dev.stonks.inttest.no-such." + prefix + ".v1"));
                            value = b("{}");
                        }
                        case 2 -> {
                            h.add("ce_type", b("dev.stonks.inttest." + name + ".v9"));
                            value = b("{}");
                        }
                        default -> {
                            h.add("ce_type", b("dev.stonks.inttest." + name + ".v1"));
                            value = b("{\"run_id\":\"stonks-inttest-poison\"}");
                        }
                    }
                    producer.send(new ProducerRecord<>(topic, null, "stonks-inttest-poison", value, h)).get();
                }
            }
        }
        System.out.println("published " + n + " poison records on each of runs, stages, verdicts");
    }

    static void dlq(String bootstrap) {
        Map<String, Map<String, Integer>> byTopic = new TreeMap<>();
        Map<String, String> reasons = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : readAll(bootstrap, Topics.DLQ)) {
            String id = header(r, "ce_id");
            if (id == null || !id.startsWith("poison-")) {
                continue;
            }
            String topic = id.substring("poison-".length(), id.lastIndexOf('-'));
            byTopic.computeIfAbsent(topic, t -> new TreeMap<>()).merge(id, 1, Integer::sum);
            String reason = header(r, "dead-letter-reason");
            reasons.putIfAbsent(reason == null ? "(no reason header)" : reason.replaceAll("\\s+", " "), id);
        }
        for (String topic : List.of(Topics.RUNS, Topics.STAGES, Topics.VERDICTS)) {
            Map<String, Integer> ids = byTopic.getOrDefault(topic, Map.of());
            int records = ids.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println("dlq " + topic + " distinct=" + ids.size() + " records=" + records);
        }
        reasons.keySet().stream().limit(6).forEach(r -> System.out.println("reason " + r.substring(0,
                Math.min(160, r.length()))));
    }

    static void duplicate(String bootstrap, String run, String stage, int times) throws Exception {
        ConsumerRecord<String, byte[]> found = null;
        for (ConsumerRecord<String, byte[]> r : readAll(bootstrap, Topics.STAGES)) {
            if (run.equals(r.key()) && String.valueOf(header(r, "ce_type")).contains("stage.completed")
                    && new String(r.value(), StandardCharsets.UTF_8).contains("\"stage\":\"" + stage + "\"")) {
                found = r;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no stage.completed " + stage + " of " + run);
        }
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < times; i++) {
                RecordHeaders h = new RecordHeaders();
                for (Header header : found.headers()) {
                    h.add(header.key(), header.value());
                }
                producer.send(new ProducerRecord<>(Topics.STAGES, null, found.key(), found.value(), h)).get();
            }
        }
        System.out.println("re-published stage.completed " + stage + " of " + run + " (ce_id " + header(found,
                "ce_id") + ") " + times + " more time(s)");
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
        return TopicReader.readAll(bootstrap, topic, Duration.ofSeconds(60));
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private static String header(ConsumerRecord<String, byte[]> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
