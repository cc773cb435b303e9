package io.tablewarden.profiles;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile-level edits on real corpus files: secrets land in the credentials file, settings in the config file,
 * and everything outside the edited sections stays byte for byte.
 */
class ProfileEditorTest {

    private static ProfileCatalog corpus(String name) {
        return ProfileCatalog.load(Corpus.environment(Corpus.root().resolve(name)));
    }

    private static String original(String caseName, String file) throws Exception {
        return Files.readString(Corpus.root().resolve(caseName).resolve(file), StandardCharsets.UTF_8);
    }

    /** Everything before the first and after the last section of {@code name} is unchanged. */
    private static void assertOnlySectionChanged(ConfigDocument before, ConfigDocument after, String name) {
        List<ConfigSection> sections = before.sections(SectionKind.PROFILE, name);
        int from = sections.get(0).headerLine();
        int to = sections.get(sections.size() - 1).endLine();
        String prefix = join(before, 0, from);
        String suffix = join(before, to, before.lines().size());
        assertTrue(after.text().startsWith(prefix), "text before " + name + " changed");
        assertTrue(after.text().endsWith(suffix), "text after " + name + " changed");
    }

    private static String join(ConfigDocument doc, int from, int to) {
        StringBuilder sb = new StringBuilder();
        doc.lines().subList(from, to).forEach(l -> sb.append(l.raw()));
        return sb.toString();
    }

    @Test
    void addingStaticKeysSplitsSecretsFromSettings() throws Exception {
        ProfileEditor editor = ProfileEditor.of(corpus("basic")).add("client-c",
                ProfileTemplates.staticKeys("AKIAEXAMPLENEWKEY001", "newSecretValue", null, "eu-west-2"));
        assertEquals(original("basic", "config") + "\n[profile client-c]\nregion = eu-west-2\n", editor.config().text());
        // The credentials file writes its last profile as key=value, so the new one follows.
        assertEquals(original("basic", "credentials") + "\n[client-c]\naws_access_key_id=AKIAEXAMPLENEWKEY001\n"
                + "aws_secret_access_key=newSecretValue\n", editor.credentials().text());
    }

    @Test
    void addingARoleAndAnSsoProfileTouchesOnlyTheConfigFile() throws Exception {
        ProfileEditor editor = ProfileEditor.of(corpus("role-chains"))
                .add("client-d", ProfileTemplates.role("arn:aws:iam::123456789012:role/Audit", "admin", "eu-west-1",
                        "ext-1", null, null, 900))
                .setSsoSession("corp", "sso_start_url", "https://corp.awsapps.com/start")
                .setSsoSession("corp", "sso_region", "eu-west-1")
                .add("corp-prod", ProfileTemplates.sso("corp", "123456789012", "ReadOnly", null));
        assertEquals(original("role-chains", "credentials"), editor.credentials().text());
        assertTrue(editor.config().text().startsWith(original("role-chains", "config")));
        assertTrue(editor.config().text().endsWith("\n[profile client-d]\nrole_arn = arn:aws:iam::123456789012:role/Audit\n"
                + "source_profile = admin\nexternal_id = ext-1\nduration_seconds = 900\nregion = eu-west-1\n\n"
                + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\n"
                + "[profile corp-prod]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n"),
                editor.config().text());
        ProfileCatalog after = new ProfileCatalog(reread(editor.config(), ConfigFileType.CONFIG),
                reread(editor.credentials(), ConfigFileType.CREDENTIALS), "default");
        assertEquals(List.of("client-d", "admin", "base"), after.summary("client-d").orElseThrow().chain());
        assertEquals(ProfileKind.SSO, after.summary("corp-prod").orElseThrow().kind());
    }

    @Test
    void editingAKeyChangesItWhereItIsAndNothingElse() throws Exception {
        ProfileCatalog catalog = corpus("basic");
        ProfileEditor editor = ProfileEditor.of(catalog).set("acme-prod", "region", "eu-west-3")
                .set("acme-prod", "aws_secret_access_key", "rotatedSecret")
                .set("acme-prod", "role_session_name", "audit");
        assertOnlySectionChanged(catalog.config().document(), editor.config(), "acme-prod");
        assertOnlySectionChanged(catalog.credentials().document(), editor.credentials(), "acme-prod");
        assertEquals(original("basic", "config").replace("region=us-east-1", "region=eu-west-3")
                .replace("cli_pager =\n", "cli_pager =\nrole_session_name = audit\n"), editor.config().text());
        assertEquals(original("basic", "credentials").replace("aws_secret_access_key=abcdEXAMPLEsecretACMEprod0123456789abcd",
                "aws_secret_access_key=rotatedSecret"), editor.credentials().text());
    }

    @Test
    void aKeySetInBothFilesChangesInBoth() throws Exception {
        ProfileEditor editor = ProfileEditor.of(corpus("both-files")).set("default", "region", "us-east-2");
        assertEquals(original("both-files", "config").replace("region = eu-west-1", "region = us-east-2"),
                editor.config().text());
        assertEquals(original("both-files", "credentials").replace("region = ap-south-1", "region = us-east-2"),
                editor.credentials().text());
    }

    @Test
    void aProfileKeptOnlyInTheCredentialsFileGetsNewSettingsThere() throws Exception {
        ProfileCatalog catalog = new ProfileCatalog(reread(ConfigDocument.empty(ConfigFileType.CONFIG, "config"),
                ConfigFileType.CONFIG), reread(ConfigDocument.parse("[x]\naws_access_key_id = A\n"
                + "aws_secret_access_key = B\nregion = eu-west-1\n", ConfigFileType.CREDENTIALS, "credentials"),
                ConfigFileType.CREDENTIALS), "default");
        ProfileEditor editor = ProfileEditor.of(catalog).set("x", "output", "json");
        assertEquals("", editor.config().text());
        assertTrue(editor.credentials().text().endsWith("region = eu-west-1\noutput = json\n"));
    }

    @Test
    void renameFollowsEachFilesConventionAndFixesSourceProfiles() throws Exception {
        ProfileCatalog catalog = corpus("role-chains");
        ProfileEditor editor = ProfileEditor.of(catalog).rename("base", "landing-zone");
        assertEquals(original("role-chains", "config").replace("[profile base]", "[profile landing-zone]")
                .replace("source_profile = base", "source_profile = landing-zone"), editor.config().text());
        assertEquals(original("role-chains", "credentials").replace("[base]", "[landing-zone]"),
                editor.credentials().text());
    }

    @Test
    void duplicateCopiesEachFilesPartAndDeleteRemovesBoth() throws Exception {
        ProfileCatalog catalog = corpus("basic");
        ProfileEditor editor = ProfileEditor.of(catalog).duplicate("acme-prod", "acme-staging");
        assertEquals(original("basic", "config") + "\n[profile acme-staging]\nregion = us-east-1\noutput = table\n"
                + "endpoint_url = http://localhost:4566\ncli_pager = \n", editor.config().text());
        assertTrue(editor.credentials().text().endsWith("\n[acme-staging]\naws_access_key_id=AKIAEXAMPLEACMEPRD1\n"
                + "aws_secret_access_key=abcdEXAMPLEsecretACMEprod0123456789abcd\n"));
        ProfileEditor deleted = ProfileEditor.of(catalog).delete("acme-prod");
        assertEquals(original("basic", "config").replace("[profile acme-prod]\nregion=us-east-1\noutput =  table   \n"
                + "endpoint_url = http://localhost:4566 # local simulator\ncli_pager =\n\n", ""), deleted.config().text());
        assertEquals(original("basic", "credentials").replace("\n[acme-prod]\naws_access_key_id=AKIAEXAMPLEACMEPRD1\n"
                + "aws_secret_access_key=abcdEXAMPLEsecretACMEprod0123456789abcd\n", ""), deleted.credentials().text());
        assertFalse(deleted.exists("acme-prod"));
    }

    @Test
    void removingAKeyRemovesItFromBothFiles() throws Exception {
        ProfileEditor editor = ProfileEditor.of(corpus("both-files")).remove("default", "region");
        assertFalse(editor.config().text().contains("region = eu-west-1"));
        assertFalse(editor.credentials().text().contains("region = ap-south-1"));
        assertEquals(original("both-files", "credentials").replace("region = ap-south-1\n", ""),
                editor.credentials().text());
    }

    @Test
    void filesThatCannotBeReadCannotBeEdited() {
        assertThrows(IllegalStateException.class, () -> ProfileEditor.of(corpus("malformed-no-equals")));
        assertThrows(IllegalStateException.class, () -> ProfileEditor.of(corpus("malformed-unterminated")));
    }

    @Test
    void existingNamesAreRefused() {
        ProfileEditor editor = ProfileEditor.of(corpus("basic"));
        assertThrows(IllegalArgumentException.class, () -> editor.add("acme-prod", Map.of("region", "x")));
        assertThrows(IllegalArgumentException.class, () -> editor.rename("acme-prod", "default"));
        assertThrows(IllegalArgumentException.class, () -> editor.duplicate("acme-prod", "spaced-name"));
        assertThrows(IllegalArgumentException.class, () -> editor.set("nobody", "region", "x"));
        assertFalse(editor.changed());
    }

    private static LoadedConfigFile reread(ConfigDocument doc, ConfigFileType type) {
        return new LoadedConfigFile(type, Path.of(type.label()), FileStamp.ABSENT, doc, null);
    }
}
