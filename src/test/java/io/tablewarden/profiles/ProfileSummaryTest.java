package io.tablewarden.profiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets never reach a summary: not through toString, not through JSON. */
class ProfileSummaryTest {

    private static final String SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";

    private static ProfileCatalog catalog(String config, String credentials) throws Exception {
        return new ProfileCatalog(
                new LoadedConfigFile(ConfigFileType.CONFIG, Path.of("config"), FileStamp.ABSENT,
                        ConfigDocument.parse(config, ConfigFileType.CONFIG, "config"), null),
                new LoadedConfigFile(ConfigFileType.CREDENTIALS, Path.of("credentials"), FileStamp.ABSENT,
                        ConfigDocument.parse(credentials, ConfigFileType.CREDENTIALS, "credentials"), null),
                "default");
    }

    @Test
    void secretsAreMaskedEverywhere() throws Exception {
        ProfileCatalog catalog = catalog("[default]\nregion = eu-west-1\n", "[default]\n"
                + "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = " + SECRET + "\n"
                + "aws_session_token = " + TOKEN + "\n");
        ProfileSummary summary = catalog.summary("default").orElseThrow();
        assertEquals(ProfileKind.STATIC_KEYS, summary.kind());
        assertTrue(summary.sessionToken());
        assertEquals("AKIA…MPLE", summary.accessKeyId());
        String text = summary.toString() + new ObjectMapper().writeValueAsString(ProfileJson.summary(summary))
                + new ObjectMapper().writeValueAsString(ProfileJson.catalog(catalog))
                + new ObjectMapper().writeValueAsString(ProfileJson.sections(catalog.credentials().document()))
                + catalog.credentials().document().sections() + catalog.credentials().document().lines()
                + catalog.credentials();
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(TOKEN), text);
        assertFalse(text.contains("AKIAIOSFODNN7EXAMPLE"), text);
        // The raw properties stay available for resolving credentials.
        assertEquals(SECRET, catalog.properties("default").orElseThrow().get("aws_secret_access_key"));
    }

    @Test
    void halfAKeyPairIsInvalid() throws Exception {
        ProfileCatalog catalog = catalog("", "[a]\naws_access_key_id = AKIAEXAMPLE\n\n[b]\naws_secret_access_key = x\n");
        assertEquals("aws_secret_access_key is missing", catalog.summary("a").orElseThrow().reason());
        assertEquals(ProfileKind.INVALID, catalog.summary("b").orElseThrow().kind());
    }

    @Test
    void roleTakesPrecedenceLikeTheSdks() throws Exception {
        ProfileCatalog catalog = catalog("[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = "
                + "EcsContainer\ncredential_process = /bin/creds\nsso_session = x\n", "");
        assertEquals(ProfileKind.ROLE, catalog.summary("r").orElseThrow().kind());
    }

    @Test
    void aChainThroughAnSsoProfileEndsThere() throws Exception {
        ProfileCatalog catalog = catalog("[sso-session s]\nsso_start_url = https://s\nsso_region = eu-west-1\n"
                + "[profile sso]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\n"
                + "[profile r1]\nrole_arn = arn:aws:iam::2:role/A\nsource_profile = sso\n"
                + "[profile r2]\nrole_arn = arn:aws:iam::3:role/B\nsource_profile = r1\n", "");
        ProfileSummary r2 = catalog.summary("r2").orElseThrow();
        assertEquals(ProfileKind.ROLE, r2.kind());
        assertEquals(java.util.List.of("r2", "r1", "sso"), r2.chain());
    }
}
