package org.t1573.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Kafka client settings from a properties file: TLS ({@code security.protocol},
 * {@code ssl.truststore.location}, ...), SASL ({@code sasl.mechanism}, {@code sasl.jaas.config}),
 * anything the Kafka clients accept. They hold secrets: {@link #toString()} names the keys only,
 * and nothing here logs values.
 */
public final class ClientProperties implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Properties properties;

    private ClientProperties(Properties properties) {
        this.properties = properties;
    }

    public static ClientProperties none() {
        return new ClientProperties(new Properties());
    }

    public static ClientProperties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new ClientProperties(p);
    }

    /** A copy, to give a client builder. */
    public Properties copy() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    @Override
    public String toString() {
        return "ClientProperties" + new TreeSet<>(properties.stringPropertyNames()) + " (values hidden)";
    }
}
