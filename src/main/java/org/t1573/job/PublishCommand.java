package org.t1573.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.Producer;
import org.t1573.ingest.ChannelSniffer;
import org.t1573.replay.ReplayPublisher;
import org.t1573.replay.TimeSlice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Replays archived logs into the channel topics, for the {@code stream} job to read. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publishes archived logs (files, directories, .gz) to the channel topics in event-time order, "
                + "with the event time as the Kafka timestamp, at a chosen rate.")
final class PublishCommand implements Callable<Integer> {
    @Mixin
    KafkaConnection kafka = new KafkaConnection();

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "[channel=]PATH",
            description = "File or directory to publish; without a channel= prefix each file's channel is "
                    + "told from its first " + ChannelSniffer.HEAD_BYTES / 1024 + " KB. Repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--rate", defaultValue = "0",
            description = "Records per second over all topics; 0: as fast as possible. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--from", paramLabel = "TIME", description = "Only records at or after this event time (ISO-8601).")
    Instant from;

    @Option(names = "--until", paramLabel = "TIME", description = "Only records before this event time (ISO-8601).")
    Instant until;

    @Override
    public Integer call() throws Exception {
        Map<String, String> topics;
        Map<String, List<Path>> byChannel = new LinkedHashMap<>();
        try {
            topics = kafka.topics();
            for (InputSpec in : InputChannels.resolve(inputs, System.err::println)) {
                if (!topics.containsKey(in.channel())) {
                    System.err.println("--input " + in.paths() + ": no --topic for channel " + in.channel());
                    return Main.USAGE;
                }
                byChannel.put(in.channel(), in.paths());
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.USAGE;
        }
        try (Producer<byte[], byte[]> producer = ReplayPublisher.producer(kafka.bootstrapServers, kafka.client().copy())) {
            new ReplayPublisher(topics, rate, slice(), System.out).publish(byChannel, producer);
        }
        return 0;
    }

    private TimeSlice slice() {
        return new TimeSlice(from == null ? null : from.toEpochMilli(), until == null ? null : until.toEpochMilli());
    }
}
