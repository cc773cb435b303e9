package io.tablewarden.ui.profiles;

import io.tablewarden.engine.aws.credentials.ProfileTestStore;
import io.tablewarden.profiles.ProfileEnvironment;
import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Map;

/** Temporary homes holding shared files (from the profiles corpus or given text) and the identities simulator. */
final class ProfilesFixture {

    private ProfilesFixture() {
    }

    /** A home whose {@code .aws} folder holds a copy of one corpus case. */
    static Path corpusHome(Path dir, String caseName) {
        try {
            Path source = Paths.get(ProfilesFixture.class.getResource("/profiles/corpus/" + caseName).toURI());
            Path aws = Files.createDirectories(dir.resolve(".aws"));
            for (String f : new String[] {"config", "credentials"}) {
                if (Files.exists(source.resolve(f))) {
                    Files.copy(source.resolve(f), aws.resolve(f));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A home whose {@code .aws} folder holds the given text. */
    static Path home(Path dir, String config, String credentials) {
        try {
            Path aws = Files.createDirectories(dir.resolve(".aws"));
            Files.writeString(aws.resolve("config"), config);
            Files.writeString(aws.resolve("credentials"), credentials);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path config(Path home) {
        return home.resolve(".aws").resolve("config");
    }

    static Path credentials(Path home) {
        return home.resolve(".aws").resolve("credentials");
    }

    /** Services on the files of {@code home}, calling {@code endpoint}, never sleeping between sign-in polls. */
    static ProfileServices services(Path home, URI endpoint) {
        return services(home, endpoint, Clock.systemUTC());
    }

    static ProfileServices services(Path home, URI endpoint, Clock clock) {
        ProfileEnvironment env = new ProfileEnvironment(Map.of(), home);
        return new ProfileServices(env, endpoint, new ProfileTestStore(home.resolve("data").resolve("tests.json")),
                millis -> { }, clock);
    }

    /** The simulator with roles, an MFA device, aliases and an Identity Center portal. */
    static AccountSimulator simulator() throws IOException {
        try (InputStream in = ProfilesFixture.class.getResourceAsStream("/credentials/identity-account.json")) {
            return AccountSimulator.startFromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    SimulatorOptions.builder().build());
        }
    }
}
