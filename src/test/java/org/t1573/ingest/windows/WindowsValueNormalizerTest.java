package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsValueNormalizerTest {

    @ParameterizedTest
    @CsvSource({
        "C:\\Windows\\System32\\bcrypt.dll, bcrypt.dll, C:\\Windows\\System32\\bcrypt.dll",
        "c:\\windows\\system32\\BCRYPT.DLL, bcrypt.dll, c:\\windows\\system32\\BCRYPT.DLL",
        "C:\\Windows\\System32, bcrypt.dll, C:\\Windows\\System32\\bcrypt.dll",
        "C:\\Windows\\System32\\, bcrypt.dll, C:\\Windows\\System32\\bcrypt.dll",
        "C:\\Tools\\xbcrypt.dll, bcrypt.dll, C:\\Tools\\xbcrypt.dll\\bcrypt.dll",
        "/usr/lib, libssl.so, /usr/lib/libssl.so",
    })
    void fullPathAppendsTheNameOnlyWhenTheFolderLacksIt(String folder, String name, String expected) {
        assertThat(WindowsValueNormalizer.fullPath(folder, name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "C:\\Users\\pedro\\Downloads\\payload.exe, payload.exe",
        "/tmp/x/beacon, beacon",
        "cmd.exe, cmd.exe"
    })
    void fileNameIsThePartAfterTheLastSeparatorOfEitherKind(String path, String expected) {
        assertThat(WindowsValueNormalizer.fileName(path)).isEqualTo(expected);
    }

    @Test
    void sha256IsTakenFromTheSysmonHashListAsGiven() {
        assertThat(WindowsValueNormalizer.sha256FromHashes("SHA1=AA,MD5=BB,SHA256=cc11,IMPHASH=DD")).isEqualTo("cc11");
        assertThat(WindowsValueNormalizer.sha256FromHashes("SHA1=AA,MD5=BB")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"TcpV4, tcp", "Udp, udp", "tcp, tcp"})
    void transportDropsDefendersIpVersionSuffix(String protocol, String expected) {
        assertThat(WindowsValueNormalizer.transport(protocol)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "evil.example.com, evil.example.com",
        "https://evil.example.com:8443/beacon?id=1, evil.example.com",
        "http://evil.example.com/, evil.example.com",
        "fe80::1, fe80::1",
    })
    void hostOfUrlKeepsOnlyTheHost(String url, String host) {
        assertThat(WindowsValueNormalizer.hostOfUrl(url)).isEqualTo(host);
    }
}
