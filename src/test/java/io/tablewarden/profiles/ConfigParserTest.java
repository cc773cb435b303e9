package io.tablewarden.profiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        "[default]\r\na = x\r\n\r\n[profile default]\r\na = y\r\nb = z",
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

    /**
     * The AWS CLI (botocore, through Python's strict {@code configparser}) refuses these files although the SDK for
     * Java merges them; checked with botocore 1.43: {@code aws configure list} fails with "Unable to parse config
     * file" on each.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[profile a]\\nregion = x\\n\\n[profile a]\\noutput = json\\n|4|duplicate section [profile a] (first on line 1)",
        "[profile a]\\nregion = x\\nregion = y\\n|3|duplicate key region in [profile a] (first on line 2)",
        "[profile a]\\nregion = x\\nREGION=y\\n|3|duplicate key region in [profile a] (first on line 2)",
        "[default]\\nregion = x\\n[default]\\n|3|duplicate section [default] (first on line 1)",
        "[sso-session s]\\nsso_region = x\\n[sso-session s]\\n|3|duplicate section [sso-session s] (first on line 1)",
        "[default]\\n[not a profile]\\nx = 1\\nx = 2\\n|4|duplicate key x in [not a profile] (first on line 3)",
        "[default]\\n[profile ok] # first\\n[profile ok]\\n|3|duplicate section [profile ok] (first on line 2)",
    })
    void rejectsRepeatedSectionsAndKeysLikeTheAwsCli(String text, int line, String reason) {
        String file = text.replace("\\n", "\n"); // the cases spell each newline as backslash-n
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> ConfigDocument.parse(file, ConfigFileType.CONFIG, "config"));
        assertEquals(line, e.line());
        assertTrue(e.reason().startsWith(reason + "; the AWS CLI refuses"), e.reason());
        // The SDK for Java reads them all, merging with the later line winning.
        sdkReadsConfig(file);
    }

    @Test
    void theCredentialsFileFollowsTheSameRule() {
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> ConfigDocument.parse(
                "[a]\naws_access_key_id = A\n\n[a]\naws_access_key_id = B\n", ConfigFileType.CREDENTIALS, "c"));
        assertEquals(4, e.line());
    }

    /** What the AWS CLI accepts (botocore 1.43 again): different header texts are different sections to it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "[profile a]\nregion = x\n[a]\nregion = y\n",
        "[default]\nregion = x\n[profile default]\nregion = y\n",
        "[profile a]\nregion = x\n[profile  a]\noutput = json\n",
        "[profile a]\nregion = x\n[profile A]\nregion = y\n",
        "[default]\ns3 =\n  x = 1\n  x = 2\n",
        "[DEFAULT]\nx = 1\n[DEFAULT]\ny = 2\n[default]\nregion = x\n",
    })
    void acceptsWhatTheAwsCliAccepts(String text) throws Exception {
        assertEquals(text, ConfigDocument.parse(text, ConfigFileType.CONFIG, "config").text());
    }

    private static void sdkReadsConfig(String text) {
        ProfileFile.builder().content(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .type(ProfileFile.Type.CONFIGURATION).build().profiles();
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
