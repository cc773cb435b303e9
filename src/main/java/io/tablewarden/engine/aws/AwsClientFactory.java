package io.tablewarden.engine.aws;

import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.aws.credentials.ProfileCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds the synchronous AWS clients of one scan: one client per service and region, cached, all sharing
 * one Apache HTTP connection pool, one credentials provider, the {@link ReadOnlyGuard}, the scan's
 * {@link CallMetrics}, its timeouts and its retry strategy.
 *
 * <p>Endpoints: {@link ConnectionSettings#endpointUrl()} overrides every client. Otherwise the SDK resolves
 * the endpoint itself, which honours {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>} and the
 * {@code endpoint_url} / {@code services} settings of the profile; the client builders read the profile
 * named in the settings because the factory passes it as the clients' default profile name.
 *
 * <p>Credentials of a named profile come from {@link ProfileCredentials} (every profile kind, MFA codes from
 * {@link ConnectionSettings#mfaCodes()}); the factory builds that provider once, so temporary credentials are
 * renewed in place during a long scan.
 */
public final class AwsClientFactory implements AutoCloseable {

    private static final String FALLBACK_REGION = "us-east-1";
    /** What the clients of an offline connection see instead of the user's AWS files: no profile at all. */
    private static final ProfileFile NO_PROFILES = ProfileFile.aggregator().build();

    private final ConnectionSettings settings;
    private final ClientTuning tuning;
    private final CallMetrics metrics;
    private final ProfileFile profileFile;
    private final SdkHttpClient httpClient;
    /**
     * The one timer thread of every client of the factory. Each call arms two timeouts (the call's and the
     * attempt's) and disarms them when it ends; left to itself the SDK gives every client a pool of five timer
     * threads, about 150 threads for a scan of four regions, all started and woken for nothing.
     */
    private final ScheduledThreadPoolExecutor timers;
    private final CredentialsEnvironment credentialsEnvironment;
    private ProfileCredentials profileCredentials;
    private final AwsCredentialsProvider credentials;
    private final String defaultRegion;
    private final Map<String, AutoCloseable> clients = new ConcurrentHashMap<>();
    private volatile RawResponseCapture capture;
    private volatile ScanRetryStrategy.ThrottleListener throttles;

    /**
     * A factory reading profiles from {@code profiles}, or, when it is null, letting the SDK find the user's
     * config and credentials files.
     */
    public static AwsClientFactory of(ConnectionSettings settings, ClientTuning tuning, CallMetrics metrics,
                                      CredentialsEnvironment profiles) {
        return profiles == null ? new AwsClientFactory(settings, tuning, metrics)
                : new AwsClientFactory(settings, tuning, metrics, profiles);
    }

    /** A factory that lets the SDK find the config and credentials files (AWS_CONFIG_FILE etc.). */
    public AwsClientFactory(ConnectionSettings settings, ClientTuning tuning, CallMetrics metrics) {
        this(settings, tuning, metrics, null, CredentialsEnvironment.system());
    }

    /**
     * A factory reading profiles, the SSO token cache and environment variables from {@code environment}
     * (tests use a temporary home).
     */
    public AwsClientFactory(ConnectionSettings settings, ClientTuning tuning, CallMetrics metrics,
                            CredentialsEnvironment environment) {
        this(settings, tuning, metrics, null, environment);
    }

    /**
     * A factory reading profiles from {@code profileFile} instead of the user's files (tests, or a
     * workbench that manages its own profile file).
     */
    public AwsClientFactory(ConnectionSettings settings, ClientTuning tuning, CallMetrics metrics,
                            ProfileFile profileFile) {
        this(settings, tuning, metrics, profileFile, null);
    }

    private AwsClientFactory(ConnectionSettings settings, ClientTuning tuning, CallMetrics metrics,
                             ProfileFile profileFile, CredentialsEnvironment credentialsEnvironment) {
        this.settings = settings;
        this.credentialsEnvironment = credentialsEnvironment;
        this.tuning = tuning;
        this.metrics = metrics;
        // Read (and so checked) before the connection pool exists: a broken file leaves nothing to close.
        this.profileFile = profileFileFor(settings, profileFile, credentialsEnvironment);
        SdkDefaultFiles.isolate();
        this.timers = newTimers();
        this.httpClient = ApacheHttpClient.builder()
                .maxConnections(Math.max(tuning.maxConcurrency() + 4, 16))
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(tuning.callTimeout())
                .connectionAcquisitionTimeout(tuning.callTimeout())
                .build();
        try {
            this.credentials = credentialsProvider();
        } catch (RuntimeException e) {
            // a profile that cannot work (missing, cyclic) must not leak the pool
            close();
            throw e;
        }
        this.defaultRegion = resolveDefaultRegion();
    }

    private static ScheduledThreadPoolExecutor newTimers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "tablewarden-call-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        // A disarmed timeout leaves the queue at once instead of waiting out its minutes there.
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    /**
     * The profiles the clients see. An offline connection (the simulator: explicit credentials, no profile) sees
     * none, so a broken {@code ~/.aws/config} cannot stop a demo or fixture scan, and nothing in the user's files
     * (a region, an {@code endpoint_url}, a retry mode) changes how the simulator is called. Otherwise the clients
     * get the files explicitly, checked with the AWS CLI's rules first, so a broken one is reported with its name
     * and line; the SDK never looks for them itself ({@link SdkDefaultFiles}).
     */
    private static ProfileFile profileFileFor(ConnectionSettings settings, ProfileFile given,
                                              CredentialsEnvironment environment) {
        if (settings.offline()) {
            return NO_PROFILES;
        }
        if (given != null) {
            return given;
        }
        return (environment != null ? environment : CredentialsEnvironment.system()).profileFile();
    }

    /** Hands the successful JSON answers of every client built from now on to {@code capture}. */
    public AwsClientFactory capturingRawResponses(RawResponseCapture capture) {
        this.capture = capture;
        return this;
    }

    /**
     * Tells {@code listener} about every throttled attempt of the clients built from now on, on the thread that
     * made it (the scan's adaptive limit lowers the calls in flight).
     */
    public AwsClientFactory reportingThrottlesTo(ScanRetryStrategy.ThrottleListener listener) {
        this.throttles = listener;
        return this;
    }

    /** Region for calls that are not regional (STS, region discovery). */
    /**
     * The credentials the clients sign with, for the one client built elsewhere: the Security Hub client of
     * {@code tablewarden publish}, which has its own guard and IAM statement. No scan client leaves this factory.
     */
    public AwsCredentialsProvider signingCredentials() {
        return credentials;
    }

    /** The profiles the clients see (none for an offline connection), for a client built elsewhere. */
    public ProfileFile profileFile() {
        return profileFile;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** Timeouts and retries of the clients. */
    public ClientTuning tuning() {
        return tuning;
    }

    /** True when every call goes to {@link ConnectionSettings#endpointUrl()}. */
    public boolean endpointOverridden() {
        return settings.endpointUrl() != null;
    }

    public StsClient sts() {
        return sts(defaultRegion);
    }

    /** STS in a given region, for when the default region cannot answer. */
    public StsClient sts(String region) {
        return client("sts", region, StsClient::builder);
    }

    /** IAM is global; its client is signed for the default region like STS. */
    public IamClient iam() {
        return client("iam", defaultRegion, IamClient::builder);
    }

    public Ec2Client ec2() {
        return ec2(defaultRegion);
    }

    /** EC2 in a given region, for when the default region cannot answer. */
    public Ec2Client ec2(String region) {
        return client("ec2", region, Ec2Client::builder);
    }

    public DynamoDbClient dynamoDb(String region) {
        return client("dynamodb", region, DynamoDbClient::builder);
    }

    public ApplicationAutoScalingClient autoScaling(String region) {
        return client("application-autoscaling", region, ApplicationAutoScalingClient::builder);
    }

    public BackupClient backup(String region) {
        return client("backup", region, BackupClient::builder);
    }

    public DaxClient dax(String region) {
        return client("dax", region, DaxClient::builder);
    }

    /**
     * AWS Organizations, a global service answered in the partition's home region (us-east-1 for {@code aws}).
     */
    public OrganizationsClient organizations() {
        String home = defaultRegion.startsWith("us-gov-") ? "us-gov-west-1"
                : defaultRegion.startsWith("cn-") ? "cn-northwest-1" : "us-east-1";
        return client("organizations", endpointOverridden() ? defaultRegion : home, OrganizationsClient::builder);
    }

    public KmsClient kms(String region) {
        return client("kms", region, KmsClient::builder);
    }

    public ResourceGroupsTaggingApiClient tagging(String region) {
        return client("tagging", region, ResourceGroupsTaggingApiClient::builder);
    }

    @SuppressWarnings("unchecked")
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C client(
            String service, String region, Supplier<B> builder) {
        return (C) clients.computeIfAbsent(service + "/" + region, key -> configure(builder.get(), region).build());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, String region) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(tuning.callTimeout())
                .apiCallTimeout(tuning.apiCallTimeout())
                .retryStrategy(retryStrategy())
                .scheduledExecutorService(timers)
                // The guard goes first so that a refused call is never counted as sent.
                .addExecutionInterceptor(new ReadOnlyGuard())
                .addExecutionInterceptor(metrics);
        if (capture != null) {
            override.addExecutionInterceptor(capture);
        }
        if (settings.profile() != null) {
            override.defaultProfileName(settings.profile());
        }
        if (profileFile != null) {
            // Both: the SDK's global defaults otherwise still build the user's default profile file eagerly.
            ProfileFile file = profileFile;
            override.defaultProfileFileSupplier(() -> file).defaultProfileFile(file);
        }
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(override.build());
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(settings.endpointUrl());
        }
        return builder;
    }

    /** The scan's retry policy (ADR 0009), telling {@link #reportingThrottlesTo} about throttled attempts. */
    private RetryStrategy retryStrategy() {
        ScanRetryStrategy.ThrottleListener also = throttles;
        return new ScanRetryStrategy(tuning, () -> {
            metrics.throttledAttempt();
            if (also != null) {
                also.throttled();
            }
        });
    }

    private AwsCredentialsProvider credentialsProvider() {
        AwsCredentialsProvider own = ownCredentialsProvider();
        ConnectionSettings.MemberRole role = settings.memberRole();
        return role == null ? own : memberRoleProvider(own, role);
    }

    /**
     * Credentials of an organisation's member account: sts:AssumeRole with the connection's own credentials, from
     * an STS client that passes the read-only guard like every scan client. The provider renews them before they
     * expire, so a long scan never runs out.
     */
    private AwsCredentialsProvider memberRoleProvider(AwsCredentialsProvider own, ConnectionSettings.MemberRole role) {
        StsClientBuilder builder = StsClient.builder()
                .region(Region.of(resolveDefaultRegion()))
                .credentialsProvider(own)
                .httpClient(httpClient)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(tuning.callTimeout())
                        .apiCallTimeout(tuning.apiCallTimeout())
                        .retryStrategy(retryStrategy())
                        .scheduledExecutorService(timers)
                        .addExecutionInterceptor(new ReadOnlyGuard())
                        .addExecutionInterceptor(metrics)
                        .build());
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(settings.endpointUrl());
        }
        StsClient sts = builder.build();
        clients.put("sts-member-role", sts);
        String sessionName = role.sessionName() != null ? role.sessionName() : "tablewarden-audit";
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(AssumeRoleRequest.builder().roleArn(role.roleArn()).roleSessionName(sessionName)
                        .externalId(role.externalId()).build())
                .asyncCredentialUpdateEnabled(false)
                .build();
        return provider;
    }

    private AwsCredentialsProvider ownCredentialsProvider() {
        ConnectionSettings.StaticCredentials fixed = settings.staticCredentials();
        if (fixed != null) {
            return StaticCredentialsProvider.create(fixed.sessionToken() == null
                    ? AwsBasicCredentials.create(fixed.accessKeyId(), fixed.secretAccessKey())
                    : AwsSessionCredentials.create(fixed.accessKeyId(), fixed.secretAccessKey(), fixed.sessionToken()));
        }
        if (settings.profile() != null && credentialsEnvironment != null) {
            // One provider for the whole scan: it caches temporary credentials and renews them when they expire.
            profileCredentials = new ProfileCredentials(credentialsEnvironment, settings.endpointUrl(),
                    settings.defaultRegion(), settings.mfaCodes(), httpClient);
            return profileCredentials.provider(settings.profile());
        }
        if (settings.profile() != null) {
            ProfileCredentialsProvider.Builder builder = ProfileCredentialsProvider.builder()
                    .profileName(settings.profile());
            if (profileFile != null) {
                builder.profileFile(profileFile);
            }
            return builder.build();
        }
        DefaultCredentialsProvider.Builder builder = DefaultCredentialsProvider.builder();
        if (profileFile != null) {
            builder.profileFile(() -> profileFile);
        }
        return builder.build();
    }

    /** Explicit setting, else the profile's region, else AWS_REGION, else us-east-1. Never asks IMDS (slow off EC2). */
    private String resolveDefaultRegion() {
        if (settings.defaultRegion() != null && !settings.defaultRegion().isBlank()) {
            return settings.defaultRegion();
        }
        String profileName = settings.profile() != null ? settings.profile()
                : ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default");
        Optional<String> fromProfile = Optional.empty();
        try {
            ProfileFile file = profileFile != null ? profileFile : ProfileFile.defaultProfileFile();
            fromProfile = file.profile(profileName).flatMap(p -> p.property("region"));
        } catch (RuntimeException unreadable) {
            // A broken config file is reported by the first call that needs it; the region just falls back.
        }
        return fromProfile
                .or(() -> Optional.ofNullable(System.getenv("AWS_REGION")).filter(r -> !r.isBlank()))
                .orElse(FALLBACK_REGION);
    }

    @Override
    public void close() {
        clients.values().forEach(AwsClientFactory::closeQuietly);
        clients.clear();
        if (credentials instanceof AutoCloseable) {
            closeQuietly((AutoCloseable) credentials);
        }
        if (profileCredentials != null) {
            closeQuietly(profileCredentials);
        }
        // Closing the pool also breaks connections still in use, which ends abandoned calls quickly.
        httpClient.close();
        timers.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Best effort while shutting down.
        }
    }
}
