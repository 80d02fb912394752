package org.t1573.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.Map;

/**
 * Turns native alert lines into the lines of an {@link AlertFormat}, at the sinks (files and
 * Kafka): the pipeline carries native alerts whatever the output format. A pure function of the
 * line and the patterns' {@link RuleMetadata}; native lines pass unchanged.
 */
public final class AlertFormatter implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertFormat format;
    private final Map<String, RuleMetadata> rules;

    /** @param rules the metadata of every pattern that can raise an alert, by analytic id */
    public AlertFormatter(AlertFormat format, Map<String, RuleMetadata> rules) {
        this.format = format;
        this.rules = Map.copyOf(rules);
    }

    /** The line in this format. */
    public String format(String nativeLine) {
        if (format == AlertFormat.NATIVE) {
            return nativeLine;
        }
        Alert alert = AlertJson.read(nativeLine);
        RuleMetadata rule = rules.get(alert.analytic().id());
        if (rule == null) {
            // Every alert comes from a loaded pattern; a missing one is a wiring error, not data.
            throw new IllegalStateException("no pattern metadata for analytic " + alert.analytic().id());
        }
        Map<String, Object> out = format == AlertFormat.ECS ? EcsAlert.from(alert, rule) : OcsfFinding.from(alert, rule);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert cannot be written as JSON", e);
        }
    }
}
