package io.tablewarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.profiles.ProfileEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tablewarden profiles list} over files in a temporary home folder. */
class ProfilesListTest {

    private static final String SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CliContext::availableChecks, null, null,
                Interrupts.none(), Clock.systemUTC(), System::nanoTime, false);
        return Cli.commandLine(ctx, () -> new ProfileEnvironment(env, home)).execute(args);
    }

    private void files(String config, String credentials) throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), config);
        Files.writeString(home.resolve(".aws/credentials"), credentials);
    }

    private static final String CONFIG = "[default]\nregion = eu-west-1\n\n"
            + "[profile admin]\nrole_arn = arn:aws:iam::111111111111:role/Admin\nsource_profile = default\n\n"
            + "[profile audit]\nrole_arn = arn:aws:iam::222222222222:role/Audit\nsource_profile = admin\n"
            + "region = us-east-1\n\n"
            + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\n"
            + "[profile corp]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n";
    private static final String CREDENTIALS = "[default]\naws_access_key_id = AKIAEXAMPLEDEFAULT01\n"
            + "aws_secret_access_key = " + SECRET + "\naws_session_token = TOKENEXAMPLE\n";

    @Test
    void listsNameKindRegionSourcesAndChainsWithoutSecrets() throws Exception {
        files(CONFIG, CREDENTIALS);
        assertEquals(0, run(Map.of(), "profiles", "list"), err.toString());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(5, lines.size(), out.toString());
        assertTrue(lines.get(0).matches("profile\\s+kind\\s+region\\s+source\\s+details"), lines.get(0));
        assertTrue(lines.get(1).matches("\\* default\\s+static-keys\\s+eu-west-1\\s+config\\+credentials\\s+"
                + "AKIA…LT01 \\(temporary\\)"), lines.get(1));
        assertTrue(lines.get(3).matches("\\s+audit\\s+role\\s+us-east-1\\s+config\\s+audit <- admin <- default"),
                lines.get(3));
        assertTrue(lines.get(4).matches("\\s+corp\\s+sso\\s+-\\s+config\\s+sso-session corp 123456789012/ReadOnly"),
                lines.get(4));
        assertFalse(out.toString().contains(SECRET));
        assertFalse(out.toString().contains("TOKENEXAMPLE"));
        assertEquals("", err.toString());
    }

    @Test
    void jsonNamesTheCurrentProfileAndMasksSecrets() throws Exception {
        files(CONFIG, CREDENTIALS);
        assertEquals(0, run(Map.of("AWS_PROFILE", "audit"), "profiles", "list", "--format", "json"));
        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("audit", root.path("currentProfile").asText());
        JsonNode audit = root.path("profiles").get(2);
        assertEquals("audit", audit.path("name").asText());
        assertTrue(audit.path("current").asBoolean());
        assertEquals("[\"audit\",\"admin\",\"default\"]", audit.path("chain").toString());
        assertEquals("****", root.path("profiles").get(0).path("properties").path("aws_secret_access_key").asText());
        assertFalse(out.toString().contains(SECRET));
        assertEquals(0, root.path("errors").size());
    }

    @Test
    void theEnvironmentChoosesTheFiles() throws Exception {
        Path other = Files.writeString(home.resolve("client.ini"), "[profile elsewhere]\nregion = ap-south-1\n");
        assertEquals(0, run(Map.of("AWS_CONFIG_FILE", "~/client.ini",
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString()), "profiles", "list"));
        assertTrue(out.toString().contains("elsewhere"), out.toString());
        assertTrue(Files.exists(other));
    }

    @Test
    void aMalformedFileIsOneErrorLineAndIsLeftUntouched() throws Exception {
        files("[default]\nregion = eu-west-1\nthis is not a property\n", CREDENTIALS);
        byte[] before = Files.readAllBytes(home.resolve(".aws/config"));
        assertEquals(1, run(Map.of(), "profiles", "list"));
        Path config = home.resolve(".aws/config");
        assertEquals("tablewarden: cannot read " + config + ":3: expected 'name = value'\n",
                err.toString(StandardCharsets.UTF_8));
        // Nothing from the broken file: default comes from the credentials file alone, without the region.
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("\\* default\\s+static-keys\\s+-\\s+credentials.*")),
                out.toString());
        assertArrayEquals(before, Files.readAllBytes(config));
        assertFalse(Files.exists(home.resolve(".aws/config.bak")));
    }

    @Test
    void noFilesIsAnEmptyList() {
        assertEquals(0, run(Map.of(), "profiles", "list"));
        assertEquals(1, out.toString().lines().count());
    }

    @Test
    void helpAndBareGroup() {
        assertEquals(0, run(Map.of(), "profiles", "--help"));
        assertTrue(out.toString().startsWith("Usage: tablewarden profiles"), out.toString());
        assertTrue(out.toString().contains("list"), out.toString());
        out.reset();
        assertEquals(0, run(Map.of(), "profiles"));
        assertTrue(out.toString().contains("list"), out.toString());
        out.reset();
        assertEquals(2, run(Map.of(), "profiles", "list", "--format", "xml"));
    }
}
