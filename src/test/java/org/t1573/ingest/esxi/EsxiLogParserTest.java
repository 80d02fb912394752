package org.t1573.ingest.esxi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

class EsxiLogParserTest {

    private final EsxiLogParser parser = new EsxiLogParser();

    @Test
    void mapsAnSslLineToCryptoApiFieldByField() throws MalformedRecordException {
        Event e = only("<166>2026-03-03T10:00:00.250Z esx01.lab Hostd: info hostd[2099235] [Originator@6876"
                + " sub=IO.Http opID=q1] SSL handshake with 198.51.100.77:8443 completed");

        assertThat(e.action).isEqualTo("crypto_api");
        assertThat(e.category).isEqualTo("process");
        assertThat(e.cryptoKind).isEqualTo("asymmetric");
        assertThat(e.timestamp).isEqualTo(Instant.parse("2026-03-03T10:00:00.250Z").toEpochMilli());
        assertThat(e.dataset).isEqualTo("esxi.hostd");
        assertThat(e.hostName).isEqualTo("esx01.lab");
        assertThat(e.processName).isEqualTo("hostd");
        assertThat(e.processPid).isEqualTo(2099235L);
        assertThat(e.processEntityId).isEqualTo("esx01.lab/hostd");
        assertThat(e.provider).isEqualTo("IO.Http");
        assertThat(e.message).isEqualTo("SSL handshake with 198.51.100.77:8443 completed");
        assertThat(e.destinationIp).isEqualTo("198.51.100.77");
        assertThat(e.destinationPort).isEqualTo(8443);
        assertThat(e.networkDirection).isEqualTo("outbound");
        assertThat(e.id).isNotBlank();
    }

    @Test
    void mapsOtherDaemonLinesToLogMessages() throws MalformedRecordException {
        Event e = only("2026-03-03T10:00:00.250Z info vpxa[2100100] [Originator@6876 sub=vpxLro opID=x] Connection"
                + " to 203.0.113.5:4443 opened");

        assertThat(e.action).isEqualTo("log_message");
        assertThat(e.cryptoKind).isNull();
        assertThat(e.dataset).isEqualTo("esxi.vpxa");
        assertThat(e.destinationIp).isEqualTo("203.0.113.5");
        assertThat(e.networkDirection).isEqualTo("outbound");
        assertThat(e.hostName).isNull();
        assertThat(e.processEntityId).isNull();
    }

    @Test
    void takesTheHostOfPlainLinesFromAHostComment() throws MalformedRecordException {
        parser.parse("# host esx03.lab", x -> { });

        Event e = only("2026-03-03T10:00:00.250Z info hostd[5] [Originator@6876 sub=Default] idle");
        assertThat(e.hostName).isEqualTo("esx03.lab");
        assertThat(e.processEntityId).isEqualTo("esx03.lab/hostd");
    }

    @Test
    void leavesADestinationOutOfMessagesWithoutOne() throws MalformedRecordException {
        Event e = only("2026-03-03T10:00:00.250Z info hostd[5] [Originator@6876 sub=Vimsvc] User root@10.0.0.5 logged in");

        assertThat(e.destinationIp).isNull();
        assertThat(e.networkDirection).isNull();
    }

    @Test
    void emitsNothingForOtherPrograms() throws MalformedRecordException {
        List<Event> events = new ArrayList<>();
        parser.parse("<110>2022-11-04T15:25:46.186Z ESXI shell[1231448]: [shell.cmd@6876 subject=\"root\"]", events::add);

        assertThat(events).isEmpty();
    }

    @Test
    void givesTheSameLineTheSameId() throws MalformedRecordException {
        String line = "2026-03-03T10:00:00.250Z info hostd[5] [Originator@6876 sub=Default] idle";

        assertThat(only(line).id).isEqualTo(only(line).id);
    }

    @Test
    void rejectsLinesThatAreNotVmwareLogs() {
        assertThatThrownBy(() -> parser.parse("garbage", e -> { })).isInstanceOf(MalformedRecordException.class);
    }

    private Event only(String line) throws MalformedRecordException {
        List<Event> events = new ArrayList<>();
        parser.parse(line, events::add);
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
