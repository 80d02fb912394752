package org.t1573.ingest.esxi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

class EsxcliConnectionParserTest {

    private static final List<String> TEXT = List.of(
            "# host esx01.lab",
            "# collected 2026-03-03T10:05:00Z",
            "Proto  Recv Q  Send Q  Local Address       Foreign Address     State        World ID  CC Algo  World Name",
            "-----  ------  ------  ------------------  ------------------  -----------  --------  -------  ------------",
            "tcp         0       0  0.0.0.0:443         0.0.0.0:0           LISTEN        2099232  newreno  envoy",
            "tcp         0       0  10.0.0.21:443       10.0.0.9:51522      ESTABLISHED   2099232  newreno  envoy",
            "tcp         0      52  10.0.0.21:41822     198.51.100.77:8443  ESTABLISHED   2099402  newreno  hostd-worker",
            "tcp         0       0  10.0.0.21:41900     198.51.100.78:8443  TIME_WAIT           0",
            "udp         0       0  0.0.0.0:123         0.0.0.0:0                         2098765           ntpd");

    private final EsxcliConnectionParser parser = new EsxcliConnectionParser();

    @Test
    void mapsAnEstablishedOutboundRowFieldByField() throws MalformedRecordException {
        List<Event> events = parse(TEXT);

        Event e = events.get(1);
        assertThat(e.action).isEqualTo("network_connection");
        assertThat(e.dataset).isEqualTo("esxcli.network.connection");
        assertThat(e.timestamp).isEqualTo(Instant.parse("2026-03-03T10:05:00Z").toEpochMilli());
        assertThat(e.hostName).isEqualTo("esx01.lab");
        assertThat(e.sourceIp).isEqualTo("10.0.0.21");
        assertThat(e.sourcePort).isEqualTo(41822);
        assertThat(e.destinationIp).isEqualTo("198.51.100.77");
        assertThat(e.destinationPort).isEqualTo(8443);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.connectionState).isEqualTo("ESTABLISHED");
        assertThat(e.outcome).isEqualTo("success");
        assertThat(e.networkDirection).isEqualTo("outbound");
        assertThat(e.processPid).isEqualTo(2099402L);
        assertThat(e.processName).isEqualTo("hostd-worker");
        assertThat(e.processEntityId).isEqualTo("esx01.lab/hostd");
    }

    @Test
    void emitsOnlyEstablishedRowsAndCallsOnesToAListeningPortInbound() throws MalformedRecordException {
        assertThat(parse(TEXT)).extracting(e -> e.processName + " " + e.networkDirection)
                .containsExactly("envoy inbound", "hostd-worker outbound");
    }

    @Test
    void readsTheCsvFormatter() throws MalformedRecordException {
        List<Event> events = parse(List.of(
                "# collected 2026-03-03T10:05:00Z",
                "CCAlgo,ForeignAddress,LocalAddress,Proto,RecvQ,SendQ,State,WorldID,WorldName",
                "newreno,198.51.100.77:8443,10.0.0.21:41822,tcp,0,52,ESTABLISHED,2099402,vpxa-worker",
                "newreno,198.51.100.79:443,10.0.0.21:41830,tcp,0,0,SYN_SENT,2099402,vpxa-worker"));

        assertThat(events).extracting(e -> e.destinationIp + ":" + e.destinationPort + " " + e.outcome + " " + e.processName)
                .containsExactly("198.51.100.77:8443 success vpxa-worker", "198.51.100.79:443 unknown vpxa-worker");
        assertThat(events.get(0).hostName).isNull();
        assertThat(events.get(0).processEntityId).isNull();
    }

    @Test
    void deadLettersRowsOfASnapshotWithoutTime() throws MalformedRecordException {
        parser.parse("CCAlgo,ForeignAddress,LocalAddress,Proto,RecvQ,SendQ,State,WorldID,WorldName", e -> { });

        assertThatThrownBy(() -> parser.parse("newreno,198.51.100.77:8443,10.0.0.21:41822,tcp,0,0,ESTABLISHED,1,hostd", e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("esxcli: snapshot has no time: write '# collected <ISO-8601 time>'");
    }

    @Test
    void doesNotLendOneSnapshotsTimeToTheNext() throws MalformedRecordException {
        parse(TEXT);

        parser.parse(TEXT.get(2), e -> { });
        parser.parse(TEXT.get(3), e -> { });
        assertThatThrownBy(() -> parser.parse(TEXT.get(6), e -> { })).hasMessageContaining("snapshot has no time");
    }

    @Test
    void rejectsABadAddress() throws MalformedRecordException {
        parser.parse("# collected 2026-03-03T10:05:00Z", e -> { });
        parser.parse("CCAlgo,ForeignAddress,LocalAddress,Proto,RecvQ,SendQ,State,WorldID,WorldName", e -> { });

        assertThatThrownBy(() -> parser.parse("newreno,nowhere,10.0.0.21:41822,tcp,0,0,ESTABLISHED,1,hostd", e -> { }))
                .hasMessageContaining("esxcli: ForeignAddress 'nowhere' is not address:port");
    }

    @Test
    void rejectsRowsBeforeAnyHeader() {
        assertThatThrownBy(() -> parser.parse("tcp 0 0 1.1.1.1:1 2.2.2.2:2 ESTABLISHED 1 x", e -> { }))
                .hasMessageContaining("line before any connection table header");
    }

    @Test
    void rejectsAHeaderWithoutTheNeededColumns() {
        assertThatThrownBy(() -> parser.parse("Proto  Recv Q  Foreign Address", e -> { }))
                .hasMessageContaining("header lacks column LocalAddress");
    }

    @Test
    void rejectsAHeaderThatNamesAColumnTwice() {
        // Found by ParserFuzzTest (its seed crash-762cdf42...): a CSV row then indexed past its last cell.
        assertThatThrownBy(() -> parser.parse(
                "CCAlgo,ForeignAddress,LocalAddress,Proto,RecvQ,SendQ,SendQ,State,WorldID,WorldName", e -> { }))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("header names column SendQ twice");
    }

    private List<Event> parse(List<String> lines) throws MalformedRecordException {
        List<Event> events = new ArrayList<>();
        for (String line : lines) {
            parser.parse(line, events::add);
        }
        return events;
    }
}
