package org.t1573.job;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.t1573.alert.AlertFormat;
import org.t1573.ingest.EventTime;
import org.t1573.kafka.KafkaInputs;
import org.t1573.kafka.ParameterTopic;
import org.t1573.kafka.KafkaOptions;
import org.t1573.kafka.KafkaOutputs;
import org.t1573.kafka.OffsetSpec;
import org.t1573.pattern.Durations;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The live job: channel topics in, alerts and dead letters out to Kafka, checkpointed. Submitted
 * to a cluster it returns once the job is submitted; run locally it runs on a MiniCluster.
 */
@Command(name = StreamCommand.NAME, mixinStandardHelpOptions = true,
        description = "Runs the patterns over Kafka topics (one per channel) and writes alerts to Kafka, exactly once.")
final class StreamCommand implements Callable<Integer> {
    static final String NAME = "stream";

    @Mixin
    KafkaConnection kafka = new KafkaConnection();

    @Mixin
    PatternOptions patterns = new PatternOptions();

    @Option(names = "--alerts-topic", defaultValue = "t1573.alerts", description = "Default: ${DEFAULT-VALUE}.")
    String alertsTopic;

    @Option(names = "--dead-letters-topic", defaultValue = "t1573.dead-letters", description = "Default: ${DEFAULT-VALUE}.")
    String deadLettersTopic;

    @Option(names = "--group-id", defaultValue = "t1573-cep",
            description = "Consumer group (offsets are committed on checkpoints, for monitoring). Default: ${DEFAULT-VALUE}.")
    String groupId;

    @Option(names = "--transactional-id-prefix", defaultValue = "t1573-cep",
            description = "Prefix of the alert sink's Kafka transactions; unique per job. Default: ${DEFAULT-VALUE}.")
    String transactionalIdPrefix;

    @Option(names = "--starting-offsets", defaultValue = "committed",
            description = "earliest, latest, committed (the group's, else earliest) or a time (ISO-8601 or epoch ms). "
                    + "A restored job continues from its checkpoint instead. Default: ${DEFAULT-VALUE}.")
    String startingOffsets;

    @Option(names = "--bounded", paramLabel = "latest|TIME",
            description = "Stop at the end of the topics as of the start (latest) or at a time; then every window "
                    + "closes and the job finishes. Default: unbounded.")
    String bounded;

    @Option(names = "--idleness", defaultValue = "30s", paramLabel = "DURATION",
            description = "A partition silent this long stops holding back event time; " + Durations.HELP
                    + ". Default: ${DEFAULT-VALUE}.")
    String idleness;

    @Option(names = "--max-out-of-orderness", defaultValue = "1m", paramLabel = "DURATION",
            description = "Per partition: how late an event may arrive before it is a late dead letter; " + Durations.HELP
                    + ". Default: ${DEFAULT-VALUE}.")
    String maxOutOfOrderness;

    @Option(names = "--event-time", defaultValue = "auto", completionCandidates = EventTimeWords.class,
            description = "One of ${COMPLETION-CANDIDATES} (see backtest --help). Default: ${DEFAULT-VALUE}.")
    String eventTime;

    @Option(names = "--checkpoint-interval", defaultValue = "30s", paramLabel = "DURATION",
            description = "Also how often alerts become visible to read_committed consumers; " + Durations.HELP
                    + ". Default: ${DEFAULT-VALUE}.")
    String checkpointInterval;

    @Option(names = "--checkpoint-dir", paramLabel = "URI", description = "Checkpoint storage, e.g. file:///var/flink/cp. "
            + "Default: the cluster's.")
    String checkpointDir;

    @Option(names = "--state-backend", defaultValue = "hashmap", completionCandidates = StreamSettings.StateBackends.class,
            description = "One of ${COMPLETION-CANDIDATES}: state on the heap, or in RocksDB on local disk with "
                    + "incremental checkpoints. Default: ${DEFAULT-VALUE}.")
    String stateBackend;

    @Option(names = "--parallelism", defaultValue = "2", paramLabel = "N",
            description = "Operator parallelism, " + Parallelism.RANGE + ". Default: ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(names = "--parameters-topic", paramLabel = "TOPIC",
            description = "Topic of live parameter updates, lines of [PatternId.]Name=value: allowlists and thresholds of "
                    + "step predicates change without a restart; invalid updates are dead letters with their reason.")
    String parametersTopic;

    @Option(names = "--alert-format", defaultValue = "NATIVE", paramLabel = "native|ecs|ocsf",
            description = "One of ${COMPLETION-CANDIDATES}, in any case. Shape of the alert records: native "
                    + "(t1573-alert/1), ecs (Elastic Common Schema) or ocsf (OCSF Detection Finding); records stay "
                    + "keyed by alert id. Default: native.")
    AlertFormat alertFormat;

    @Option(names = "--job-name", defaultValue = "t1573-cep", description = "Default: ${DEFAULT-VALUE}.")
    String jobName;

    @Override
    public Integer call() throws Exception {
        KafkaOptions options;
        PatternSet set;
        StreamSettings settings;
        try {
            options = kafkaOptions();
            settings = new StreamSettings(parallelism, Durations.parse(checkpointInterval), checkpointDir, stateBackend);
            set = patterns.load();
        } catch (IllegalArgumentException | IOException | PatternLoadException e) {
            System.err.println(e.getMessage());
            return Main.USAGE;
        }
        StreamExecutionEnvironment env = settings.environment();
        KafkaOutputs.attach(DetectionJob.build(KafkaInputs.attach(env, options), set, options.topics().keySet(),
                parametersTopic == null ? null : ParameterTopic.attach(env, options, parametersTopic)), options,
                PatternRules.formatter(alertFormat, set));
        System.out.printf("%s: %d pattern(s), topics %s -> %s (dead letters: %s), %s%n", jobName,
                set.patterns().size(), options.topics(), alertsTopic, deadLettersTopic, settings);
        env.execute(jobName);
        return 0;
    }

    KafkaOptions kafkaOptions() throws IOException {
        if (bounded != null) {
            OffsetSpec.stopping(bounded); // fails early on a bad value
        }
        OffsetSpec.starting(startingOffsets);
        return new KafkaOptions(kafka.bootstrapServers, kafka.topics(), alertsTopic, deadLettersTopic, kafka.client(),
                groupId, startingOffsets, bounded, Durations.parse(idleness), Durations.parse(maxOutOfOrderness),
                EventTime.of(eventTime), transactionalIdPrefix);
    }
}
