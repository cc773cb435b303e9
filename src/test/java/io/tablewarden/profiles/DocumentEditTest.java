package io.tablewarden.profiles;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each line-level edit changes exactly the lines it is about, in the file's own style. */
class DocumentEditTest {

    private static final String CONFIG = ""
            + "# consultant profiles\r\n"
            + "[default]\r\n"
            + "region = eu-west-1 # Ireland\r\n"
            + "\r\n"
            + "; client A\r\n"
            + "[profile a]\r\n"
            + "region=us-east-1\r\n"
            + "s3 =\r\n"
            + "  max_concurrent_requests = 10\r\n"
            + "\r\n"
            + "# client B follows\r\n"
            + "[profile b]   # trailing\r\n"
            + "output = json";

    private static ConfigDocument config() throws ConfigParseException {
        return ConfigDocument.parse(CONFIG, ConfigFileType.CONFIG, "config");
    }

    @Test
    void changingAValueKeepsSpacingAndLineEnding() throws Exception {
        ConfigDocument doc = config().edit().set(SectionKind.PROFILE, "default", "region", "eu-north-1").result();
        assertEquals(CONFIG.replace("region = eu-west-1 # Ireland\r\n", "region = eu-north-1\r\n"), doc.text());
    }

    @Test
    void newKeyGoesAfterTheLastPropertyInTheSectionsOwnStyle() throws Exception {
        ConfigDocument doc = config().edit().set(SectionKind.PROFILE, "a", "output", "text").result();
        assertEquals(CONFIG.replace("  max_concurrent_requests = 10\r\n",
                "  max_concurrent_requests = 10\r\noutput = text\r\n"), doc.text());
        ConfigDocument compact = ConfigDocument.parse("[profile x]\nregion=eu-west-1\n", ConfigFileType.CONFIG, "c")
                .edit().set(SectionKind.PROFILE, "x", "output", "json").result();
        assertEquals("[profile x]\nregion=eu-west-1\noutput=json\n", compact.text());
    }

    @Test
    void newKeyAtTheEndOfAFileWithoutFinalNewlineKeepsThatState() throws Exception {
        ConfigDocument doc = config().edit().set(SectionKind.PROFILE, "b", "region", "sa-east-1").result();
        assertEquals(CONFIG + "\r\nregion = sa-east-1", doc.text());
    }

    @Test
    void replacingANestedBlockDropsItsContinuations() throws Exception {
        ConfigDocument doc = config().edit().set(SectionKind.PROFILE, "a", "s3", "off").result();
        assertEquals(CONFIG.replace("s3 =\r\n  max_concurrent_requests = 10\r\n", "s3 = off\r\n"), doc.text());
    }

    @Test
    void removingAKeyRemovesItsLinesOnly() throws Exception {
        ConfigDocument doc = config().edit().remove(SectionKind.PROFILE, "a", "s3").result();
        assertEquals(CONFIG.replace("s3 =\r\n  max_concurrent_requests = 10\r\n", ""), doc.text());
        ConfigDocument last = config().edit().remove(SectionKind.PROFILE, "b", "output").result();
        assertEquals(CONFIG.substring(0, CONFIG.length() - "\r\noutput = json".length()), last.text());
    }

    @Test
    void newSectionGoesAtTheEndAfterOneBlankLine() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("region", "us-west-2");
        p.put("output", "table");
        ConfigDocument doc = config().edit().addSection(SectionKind.PROFILE, "c", p).result();
        assertEquals(CONFIG + "\r\n\r\n[profile c]\r\nregion = us-west-2\r\noutput = table\r\n", doc.text());
        ConfigDocument compact = ConfigDocument.parse("[x]\na=1\n", ConfigFileType.CREDENTIALS, "c").edit()
                .addSection(SectionKind.PROFILE, "y", Map.of("b", "2")).result();
        assertEquals("[x]\na=1\n\n[y]\nb=2\n", compact.text());
        ConfigDocument empty = ConfigDocument.empty(ConfigFileType.CREDENTIALS, "credentials").edit()
                .addSection(SectionKind.PROFILE, "c", Map.of("aws_access_key_id", "AKIAEXAMPLE")).result();
        assertEquals("[c]\naws_access_key_id = AKIAEXAMPLE\n", empty.text());
    }

    @Test
    void removingASectionTakesItsBlankSeparatorButNotTheNextComment() throws Exception {
        ConfigDocument doc = config().edit().removeSection(SectionKind.PROFILE, "a").result();
        assertEquals(CONFIG.replace("; client A\r\n[profile a]\r\nregion=us-east-1\r\ns3 =\r\n"
                + "  max_concurrent_requests = 10\r\n\r\n", "; client A\r\n"), doc.text());
        ConfigDocument last = config().edit().removeSection(SectionKind.PROFILE, "b").result();
        // The file had no final newline and still has none.
        assertEquals(CONFIG.substring(0, CONFIG.indexOf("\r\n[profile b]")), last.text());
    }

    @Test
    void renameKeepsTheHeaderLayout() throws Exception {
        ConfigDocument doc = config().edit().renameSection(SectionKind.PROFILE, "b", "client-b").result();
        assertEquals(CONFIG.replace("[profile b]   # trailing", "[profile client-b]   # trailing"), doc.text());
        ConfigDocument spaced = ConfigDocument.parse("[ profile   x  ]\na = 1\n", ConfigFileType.CONFIG, "c")
                .edit().renameSection(SectionKind.PROFILE, "x", "y").result();
        assertEquals("[ profile   y  ]\na = 1\n", spaced.text());
    }

    @Test
    void renamedDefaultGetsTheProfilePrefixInTheConfigFileOnly() throws Exception {
        ConfigDocument doc = config().edit().renameSection(SectionKind.PROFILE, "default", "main").result();
        assertEquals(CONFIG.replace("[default]", "[profile main]"), doc.text());
        ConfigDocument creds = ConfigDocument.parse("[default]\na = 1\n", ConfigFileType.CREDENTIALS, "credentials")
                .edit().renameSection(SectionKind.PROFILE, "default", "main").result();
        assertEquals("[main]\na = 1\n", creds.text());
    }

    @Test
    void duplicatedSectionsAreAllRenamedAndRemoved() throws Exception {
        // Two headers for one profile that even the AWS CLI accepts: their texts differ by a space.
        String text = "[profile d]\na = 1\n\n[profile e]\nb = 2\n\n[profile  d]\nc = 3\n";
        ConfigDocument doc = ConfigDocument.parse(text, ConfigFileType.CONFIG, "c");
        assertEquals(text.replace("profile d", "profile f").replace("profile  d", "profile  f"),
                doc.edit().renameSection(SectionKind.PROFILE, "d", "f").result().text());
        assertEquals("[profile e]\nb = 2\n", doc.edit().removeSection(SectionKind.PROFILE, "d").result().text());
        // The effective (last) line changes; the earlier duplicate stays.
        assertEquals(text.replace("c = 3", "c = 4"), doc.edit().set(SectionKind.PROFILE, "d", "c", "4").result().text());
    }

    @Test
    void valuesThatWouldNotReadBackAreRefused() throws Exception {
        ConfigDocument doc = config();
        assertThrows(IllegalArgumentException.class,
                () -> doc.edit().set(SectionKind.PROFILE, "a", "region", "two\nlines"));
        assertThrows(IllegalArgumentException.class,
                () -> doc.edit().set(SectionKind.PROFILE, "a", "region", "eu-west-1 # comment"));
        assertThrows(IllegalArgumentException.class, () -> doc.edit().set(SectionKind.PROFILE, "a", "bad key", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> doc.edit().addSection(SectionKind.PROFILE, "a", Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> doc.edit().renameSection(SectionKind.PROFILE, "a", "has space"));
    }

    @Test
    void defaultKeepsTheFilesOwnHeaderForm() throws Exception {
        ConfigDocument prefixed = ConfigDocument.parse("[profile default]\nregion = a\n", ConfigFileType.CONFIG, "c");
        ConfigDocument removed = prefixed.edit().removeSection(SectionKind.PROFILE, "default").result();
        assertEquals("", removed.text());
        assertEquals("[default]\nregion = b\n", removed.edit()
                .addSection(SectionKind.PROFILE, "default", Map.of("region", "b")).result().text());
        ConfigDocument other = ConfigDocument.parse("[profile default]\nregion = a\n", ConfigFileType.CONFIG, "c")
                .edit().addSection(SectionKind.SSO_SESSION, "corp", Map.of("sso_region", "eu-west-1")).result();
        assertEquals("[profile default]\nregion = a\n\n[sso-session corp]\nsso_region = eu-west-1\n", other.text());
    }
}
