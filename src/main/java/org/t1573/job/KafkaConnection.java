package org.t1573.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.t1573.ingest.Channels;
import org.t1573.kafka.ClientProperties;
import picocli.CommandLine.Option;

/** Where Kafka is and which topic carries each channel: shared by {@code stream} and {@code publish}. */
final class KafkaConnection {
    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers.")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "channel=topic",
            description = "The topic of a channel (repeatable; default: windows=t1573.windows).")
    Map<String, String> topics = new LinkedHashMap<>();

    @Option(names = "--kafka-properties", paramLabel = "FILE",
            description = "Kafka client settings (security.protocol, ssl.*, sasl.*): passed to every client, never printed.")
    Path propertiesFile;

    /** The channel-to-topic map, with every channel checked. */
    Map<String, String> topics() {
        Map<String, String> t = topics.isEmpty() ? Map.of("windows", "t1573.windows") : topics;
        t.keySet().forEach(Channels::parserFor);
        return t;
    }

    ClientProperties client() throws IOException {
        return propertiesFile == null ? ClientProperties.none() : ClientProperties.load(propertiesFile);
    }
}
