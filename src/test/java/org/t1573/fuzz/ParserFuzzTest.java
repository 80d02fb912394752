package org.t1573.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.t1573.event.Event;
import org.t1573.ingest.Channels;
import org.t1573.ingest.EventAdmission;
import org.t1573.ingest.EventTime;
import org.t1573.ingest.HostClocks;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordLimit;
import org.t1573.ingest.RecordParser;
import org.t1573.job.Main;

/**
 * Fuzzes every channel's parser with one target: the input's first byte picks the channel, the
 * rest are its records, one a line, read by one parser as one file is. Whatever the records, a
 * parser gives events, ignores records or throws {@link MalformedRecordException} (a dead letter):
 * any other exception or Error, or a record that takes longer than the timeout, is a finding.
 * Every event also goes through {@link EventAdmission}, as it would in the job.
 */
class ParserFuzzTest {
    private static final List<String> CHANNELS = List.copyOf(Channels.names());
    private static final HostClocks.Findings UNCOUNTED = new HostClocks.Findings() {
        @Override
        public void skewed(String host, String code, long deltaMillis) {}

        @Override
        public void retimed(String host, String code) {}
    };

    /** Real telemetry of the channels that have no bundled sample (syslog's seed is committed). */
    private static final String LOG4SHELL = "../shared/data/linux/otrf_log4shell_ubuntu5/";
    private static final List<String> REAL_TELEMETRY = List.of(
            "auoms=" + LOG4SHELL + "syslog_auoms_auditd_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json",
            "sysmon-linux=" + LOG4SHELL + "syslog_sysmon_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json",
            "vmconnection=" + LOG4SHELL
                    + "vminsights_vmconnection_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json");

    /**
     * Seeds: the bundled samples, real telemetry and the hostile corpus, each behind its channel's
     * byte (its index in {@link Channels#names()}, so a new channel shifts what a kept seed reads).
     */
    @BeforeAll
    static void seeds() {
        FuzzSeeds seeds = FuzzSeeds.of(ParserFuzzTest.class, "everyChannel");
        int written = 0;
        for (String sample : Stream.concat(Main.BUNDLED_SAMPLES.stream(), REAL_TELEMETRY.stream()).toList()) {
            String channel = sample.substring(0, sample.indexOf('='));
            for (Path f : FuzzSeeds.inputFiles(Path.of(sample.substring(channel.length() + 1)))) {
                seeds.write(channel + "-sample-" + f.getFileName(), selecting(channel), f);
                written++;
            }
        }
        for (String channel : CHANNELS) {
            Path hostile = Path.of("src/test/resources/hostile", channel);
            if (Files.isDirectory(hostile)) {
                for (Path f : FuzzSeeds.inputFiles(hostile)) {
                    seeds.write(channel + "-hostile-" + f.getFileName(), selecting(channel), f);
                    written++;
                }
            }
        }
        assertThat(seeds.count()).as("seeds in the inputs directory").isGreaterThanOrEqualTo(written);
    }

    private static byte[] selecting(String channel) {
        return new byte[] {(byte) CHANNELS.indexOf(channel)};
    }

    @FuzzTest(maxDuration = "15s")
    @Timeout(10)
    void everyChannel(byte[] input) {
        String channel = CHANNELS.get(input.length == 0 ? 0 : Byte.toUnsignedInt(input[0]) % CHANNELS.size());
        RecordParser parser = Channels.parserFor(channel);
        EventAdmission admission = new EventAdmission(EventTime.AUTO);
        Consumer<Event> admit = e -> admission.admit(e, UNCOUNTED, System.currentTimeMillis());
        String text = input.length == 0 ? "" : new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        for (String record : text.split("\n", -1)) {
            if (RecordLimit.exceededBy(record.length())) {
                continue; // a dead letter unparsed, as ParseFunction and the Kafka source do
            }
            try {
                parser.parse(record, admit, reason -> assertThat(reason).as(channel + " ignore reason").isNotBlank());
            } catch (MalformedRecordException e) {
                assertThat(e.getMessage()).as(channel + " dead-letter reason").isNotBlank();
            }
        }
        try {
            parser.endOfInput(admit);
        } catch (MalformedRecordException e) {
            assertThat(e.getMessage()).as(channel + " dead-letter reason at the end").isNotBlank();
        }
    }
}
