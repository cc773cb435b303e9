package io.tablewarden.engine.aws.credentials;

import io.tablewarden.simulator.AccountSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tablewarden.engine.aws.credentials.CredentialsTestSupport.home;
import static io.tablewarden.engine.aws.credentials.CredentialsTestSupport.whoAmI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileCredentialsTest {

    private static final String SECRET = "wJalrXUtnFEMI-source-secret";

    private static AccountSimulator sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sim = CredentialsTestSupport.startSimulator();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static final String CONFIG = String.join("\n",
            "[profile hop]",
            "role_arn = arn:aws:iam::111122223333:role/Hop",
            "source_profile = base",
            "external_id = hop-external-id",
            "role_session_name = first-hop",
            "",
            "[profile auditor]",
            "role_arn = arn:aws:iam::444455556666:role/Auditor",
            "source_profile = hop",
            "role_session_name = audit",
            "duration_seconds = 1800",
            "",
            "[profile wrong-external]",
            "role_arn = arn:aws:iam::111122223333:role/Hop",
            "source_profile = base",
            "external_id = guessed",
            "",
            "[profile guarded]",
            "role_arn = arn:aws:iam::111122223333:role/Guarded",
            "source_profile = base",
            "mfa_serial = arn:aws:iam::111122223333:mfa/auditor",
            "",
            "[profile from-env]",
            "role_arn = arn:aws:iam::111122223333:role/Hop",
            "credential_source = Environment",
            "external_id = hop-external-id",
            "",
            "[profile orphan]",
            "role_arn = arn:aws:iam::111122223333:role/Hop",
            "source_profile = nowhere",
            "",
            "[profile loop-a]",
            "role_arn = arn:aws:iam::111122223333:role/Hop",
            "source_profile = loop-b",
            "",
            "[profile loop-b]",
            "role_arn = arn:aws:iam::111122223333:role/Hop",
            "source_profile = loop-a",
            "");

    private static final String CREDENTIALS = String.join("\n",
            "[base]",
            "aws_access_key_id = AKIABASE0000000000001",
            "aws_secret_access_key = " + SECRET,
            "",
            "[temporary]",
            "aws_access_key_id = ASIATEMP000000000001",
            "aws_secret_access_key = " + SECRET,
            "aws_session_token = session-token-of-temporary",
            "");

    private ProfileCredentials resolver(MfaCodeSupplier mfa) {
        return new ProfileCredentials(home(dir, CONFIG, CREDENTIALS, Map.of(
                "AWS_ACCESS_KEY_ID", "AKIAENV00000000000001", "AWS_SECRET_ACCESS_KEY", SECRET)),
                sim.endpoint(), "us-east-1", mfa, null);
    }

    @Test
    void staticKeysWithAndWithoutSessionToken() {
        try (ProfileCredentials r = resolver(null)) {
            AwsCredentials base = r.provider("base").resolveCredentials();
            assertEquals("AKIABASE0000000000001", base.accessKeyId());
            AwsCredentials temp = r.provider("temporary").resolveCredentials();
            assertEquals("session-token-of-temporary", ((AwsSessionCredentials) temp).sessionToken());
            assertEquals("arn:aws:iam::111122223333:user/auditor", whoAmI(r.provider("base"), sim.endpoint()).arn());
        }
    }

    @Test
    void chainOfThreeWithExternalIdEndsInTheLastRole() {
        try (ProfileCredentials r = resolver(null)) {
            GetCallerIdentityResponse id = whoAmI(r.provider("auditor"), sim.endpoint());
            assertEquals("444455556666", id.account());
            assertEquals("arn:aws:sts::444455556666:assumed-role/Auditor/audit", id.arn());
            GetCallerIdentityResponse hop = whoAmI(r.provider("hop"), sim.endpoint());
            assertEquals("arn:aws:sts::111122223333:assumed-role/Hop/first-hop", hop.arn());
        }
    }

    @Test
    void wrongExternalIdIsRefused() {
        try (ProfileCredentials r = resolver(null)) {
            ProfileCredentialsException e = assertThrows(ProfileCredentialsException.class,
                    () -> r.provider("wrong-external").resolveCredentials());
            assertTrue(e.getMessage().contains("AccessDenied"), e.getMessage());
        }
    }

    @Test
    void credentialSourceEnvironmentReadsTheInjectedEnvironment() {
        try (ProfileCredentials r = resolver(null)) {
            assertTrue(whoAmI(r.provider("from-env"), sim.endpoint()).arn().contains(":assumed-role/Hop/"));
        }
    }

    @Test
    void mfaRoleWithTheRightCodeAsksOnce() {
        AtomicInteger asked = new AtomicInteger();
        try (ProfileCredentials r = resolver((profile, serial) -> {
            asked.incrementAndGet();
            assertEquals("guarded", profile);
            assertEquals("arn:aws:iam::111122223333:mfa/auditor", serial);
            return "123456";
        })) {
            AwsCredentialsProvider provider = r.provider("guarded");
            assertTrue(whoAmI(provider, sim.endpoint()).arn().contains(":assumed-role/Guarded/"));
            provider.resolveCredentials();
            assertEquals(1, asked.get());
        }
    }

    @Test
    void mfaRoleWithAWrongCodeOrNoneSaysSo() {
        try (ProfileCredentials r = resolver(MfaCodeSupplier.fixed("654321"))) {
            MfaCodeRequiredException e = assertThrows(MfaCodeRequiredException.class,
                    () -> r.provider("guarded").resolveCredentials());
            assertTrue(e.rejected());
            assertTrue(e.getMessage().contains("not accepted"), e.getMessage());
        }
        try (ProfileCredentials r = resolver(null)) {
            MfaCodeRequiredException e = assertThrows(MfaCodeRequiredException.class,
                    () -> r.provider("guarded").resolveCredentials());
            assertFalse(e.rejected());
            assertTrue(e.getMessage().startsWith("profile guarded needs an MFA code"), e.getMessage());
        }
    }

    @Test
    void missingProfilesAndCyclesAreNamed() {
        try (ProfileCredentials r = resolver(null)) {
            assertEquals("profile ghost does not exist",
                    assertThrows(ProfileCredentialsException.class, () -> r.provider("ghost")).getMessage());
            assertEquals("source_profile nowhere of orphan does not exist",
                    assertThrows(ProfileCredentialsException.class, () -> r.provider("orphan")).getMessage());
            String cycle = assertThrows(ProfileCredentialsException.class, () -> r.provider("loop-a")).getMessage();
            assertTrue(cycle.contains("cycle: loop-a -> loop-b -> loop-a"), cycle);
        }
    }

    @Test
    void credentialProcessOutputIsUsed() throws IOException {
        Path script = dir.resolve("print-credentials.sh");
        Files.writeString(script, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROCESS000000001\","
                + " \"SecretAccessKey\": \"" + SECRET + "\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        String config = "[profile process]\ncredential_process = " + script + "\n";
        try (ProfileCredentials r = new ProfileCredentials(home(dir, config, "", Map.of()), sim.endpoint(),
                null, null, null)) {
            assertEquals("AKIAPROCESS000000001", r.provider("process").resolveCredentials().accessKeyId());
            assertEquals("arn:aws:iam::111122223333:user/auditor", whoAmI(r.provider("process"), sim.endpoint()).arn());
        }
    }

    @Test
    void aFailingCredentialProcessDoesNotQuoteItsOutput() throws IOException {
        Path script = dir.resolve("broken.sh");
        Files.writeString(script, "#!/bin/sh\necho 'SecretAccessKey: " + SECRET + "'\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        String config = "[profile broken]\ncredential_process = " + script + "\n";
        try (ProfileCredentials r = new ProfileCredentials(home(dir, config, "", Map.of()), sim.endpoint(),
                null, null, null)) {
            ProfileCredentialsException e = assertThrows(ProfileCredentialsException.class,
                    () -> r.provider("broken").resolveCredentials());
            assertTrue(e.getMessage().startsWith("cannot get credentials for profile broken"), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.toString());
            }
        }
    }

    @Test
    void noSecretInMessagesOrToString() {
        try (ProfileCredentials r = resolver(MfaCodeSupplier.fixed("654321"))) {
            AwsCredentialsProvider provider = r.provider("guarded");
            assertEquals("ProfileCredentials[profile=guarded]", provider.toString());
            assertFalse(home(dir, CONFIG, CREDENTIALS, Map.of("AWS_SECRET_ACCESS_KEY", SECRET)).toString()
                    .contains(SECRET));
            Exception e = assertThrows(ProfileCredentialsException.class, provider::resolveCredentials);
            assertFalse(e.getMessage().contains(SECRET));
            assertFalse(e.getMessage().contains("654321"));
            Exception orphan = assertThrows(ProfileCredentialsException.class, () -> r.provider("orphan"));
            assertFalse(orphan.getMessage().contains(SECRET));
            assertInstanceOf(ProfileCredentialsException.class, orphan);
        }
    }
}
