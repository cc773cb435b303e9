package io.tablewarden.profiles;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileEnvironmentTest {

    private static final Path HOME = Path.of("/home/consultant");

    @Test
    void defaultsAreInDotAwsAndTheDefaultProfile() {
        ProfileEnvironment env = new ProfileEnvironment(Map.of(), HOME);
        assertEquals(HOME.resolve(".aws/config"), env.configFile());
        assertEquals(HOME.resolve(".aws/credentials"), env.credentialsFile());
        assertEquals("default", env.currentProfile());
    }

    @Test
    void variablesWinAndTildeMeansHome() {
        ProfileEnvironment env = new ProfileEnvironment(Map.of("AWS_CONFIG_FILE", "~/clients/config",
                "AWS_SHARED_CREDENTIALS_FILE", "/secure/creds", "AWS_PROFILE", " acme "), HOME);
        assertEquals(HOME.resolve("clients/config"), env.configFile());
        assertEquals(Path.of("/secure/creds"), env.credentialsFile());
        assertEquals("acme", env.currentProfile());
        assertEquals(Path.of("~other/config"), new ProfileEnvironment(Map.of("AWS_CONFIG_FILE", "~other/config"),
                HOME).configFile());
    }

    @Test
    void blankVariablesAreIgnored() {
        ProfileEnvironment env = new ProfileEnvironment(Map.of("AWS_CONFIG_FILE", " ", "AWS_PROFILE", ""), HOME);
        assertEquals(HOME.resolve(".aws/config"), env.configFile());
        assertEquals("default", env.currentProfile());
    }
}
