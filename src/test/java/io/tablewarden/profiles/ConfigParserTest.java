package io.tablewarden.profiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The finer points of the AWS syntax, each checked against the SDK as well. */
class ConfigParserTest {

    private static Map<String, String> ours(String text) throws ConfigParseException {
        return ConfigDocument.parse(text, ConfigFileType.CONFIG, "config").properties(SectionKind.PROFILE, "default");
    }

    private static Map<String, String> sdk(String text) {
        return ProfileFile.builder().content(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .type(ProfileFile.Type.CONFIGURATION).build().profile("default").orElseThrow().properties();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[default]\na = b#c ;d\n",
        "[default] # header comment\na = 1 # value comment\n",
        "[default];no space needed\na = 1\t;tab comment\n",
        "[default]\na = first\n  # indented, so part of the value\n",
        "[default]\ra = lone carriage returns\rb = 2",
        "[default]\r\na = x\r\n\r\n[default]\r\na = y\r\nb = z",
        "[ default ]\n  \t\nkey.with/odd%chars@x:y+z = 1\nbad key = 2\n  continued = ignored with it\n",
        "# c\n; c\n[default]\nempty =\nsub =\n  x = 1\n  y=2\n",
        "[default]\nregion = eu-west-1\n[not-a-profile]\nregion = ignored\n",
    })
    void readsLikeTheSdk(String text) throws Exception {
        assertEquals(sdk(text), SubProperties.flattened(ours(text)), text);
        assertEquals(text, ConfigDocument.parse(text, ConfigFileType.CONFIG, "config").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a = 1\n[default]\n",
        "[default\na = 1\n",
        "[default]\n  a = 1\n",
        "[default]\njust words\n",
        "[default]\n= no name\n",
        "[default]\nsub =\n  no equals\n",
        "\uFEFF[default]\na = 1\n",
        "[default]\na = 1\n[profile x;comment]\n",
    })
    void rejectsWhatTheSdkRejects(String text) {
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> ConfigDocument.parse(text, ConfigFileType.CONFIG, "config"));
        assertEquals("config", e.file());
        assertThrows(RuntimeException.class, () -> sdk(text));
    }

    @Test
    void errorsNameTheLine() {
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> ConfigDocument.parse("[default]\na = 1\n\n[profile x\n", ConfigFileType.CONFIG, "config"));
        assertEquals(4, e.line());
        assertEquals("config:4: section header has no closing ']'", e.getMessage());
    }

    @Test
    void lineEndingsAreKeptPerLine() throws Exception {
        ConfigDocument doc = ConfigDocument.parse("[default]\r\na = 1\nb = 2\r", ConfigFileType.CONFIG, "config");
        assertEquals("\r\n", doc.lines().get(0).terminator());
        assertEquals("\n", doc.lines().get(1).terminator());
        assertEquals("\r", doc.lines().get(2).terminator());
        assertEquals("\r\n", doc.lineEnding());
    }

    @Test
    void subPropertiesAreReadable() throws Exception {
        assertEquals(Map.of("max_concurrent_requests", "10", "addressing_style", "path"),
                SubProperties.of(ours("[default]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style=path\n")
                        .get("s3")));
        assertEquals(Map.of(), SubProperties.of("plain"));
    }
}
