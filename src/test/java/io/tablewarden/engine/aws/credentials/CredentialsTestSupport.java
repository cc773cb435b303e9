package io.tablewarden.engine.aws.credentials;

import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A simulator with the identities fixture and a temporary home holding config, credentials and token cache. */
final class CredentialsTestSupport {

    private CredentialsTestSupport() {
    }

    static AccountSimulator startSimulator() throws IOException {
        try (InputStream in = CredentialsTestSupport.class.getResourceAsStream("/credentials/identity-account.json")) {
            return AccountSimulator.startFromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    SimulatorOptions.builder().build());
        }
    }

    /** A home folder with {@code .aws/config} and {@code .aws/credentials} holding the given text. */
    static CredentialsEnvironment home(Path dir, String config, String credentials, Map<String, String> env) {
        try {
            Path aws = Files.createDirectories(dir.resolve(".aws"));
            Files.writeString(aws.resolve("config"), config);
            Files.writeString(aws.resolve("credentials"), credentials);
            return new CredentialsEnvironment(aws.resolve("config"), aws.resolve("credentials"),
                    CredentialsEnvironment.ssoCacheDir(dir), env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GetCallerIdentityResponse whoAmI(AwsCredentialsProvider provider, URI endpoint) {
        try (StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(provider).build()) {
            return sts.getCallerIdentity();
        }
    }
}
