package io.tablewarden.simulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Shared helpers: the test fixtures and real SDK clients pointed at a running simulator. */
final class SimulatorTestSupport {

    static final String ACCOUNT = "123456789012";

    private SimulatorTestSupport() {
    }

    static String resource(String name) {
        try (InputStream in = SimulatorTestSupport.class.getResourceAsStream("/simulator/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccountSimulator start(SimulatorOptions options) throws IOException {
        return AccountSimulator.startFromJson(resource("test-account.json"), options);
    }

    static AccountSimulator start() throws IOException {
        return start(SimulatorOptions.builder().pageSize(2).build());
    }

    static SdkHttpClient httpClient() {
        return ApacheHttpClient.builder().maxConnections(64).build();
    }

    /** Points any SDK client builder at the simulator with static keys, the given region and client configuration. */
    static <B extends AwsClientBuilder<B, C>, C> C configured(B builder, AccountSimulator sim, String region, String accessKey,
                                                             ClientOverrideConfiguration config) {
        return builder.endpointOverride(sim.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .overrideConfiguration(config)
                .build();
    }

    static <B extends AwsClientBuilder<B, C>, C> C client(B builder, AccountSimulator sim, String region, String accessKey) {
        return configured(builder, sim, region, accessKey,
                ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build());
    }

    /** A client that reports the first error instead of retrying, to observe single answers. */
    static <B extends AwsClientBuilder<B, C>, C> C noRetryClient(B builder, AccountSimulator sim, String region, String accessKey) {
        return configured(builder, sim, region, accessKey, ClientOverrideConfiguration.builder()
                .retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()).build());
    }

    static <B extends AwsClientBuilder<B, C>, C> C client(B builder, AccountSimulator sim, String region) {
        return client(builder, sim, region, "AKIDTEST");
    }
}
