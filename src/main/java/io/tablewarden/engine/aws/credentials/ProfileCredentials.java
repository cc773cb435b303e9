package io.tablewarden.engine.aws.credentials;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a named profile of the AWS config and credentials files into one {@link AwsCredentialsProvider}, in
 * memory only: static keys, {@code credential_process}, IAM Identity Center ({@code sso_session} or legacy
 * {@code sso_*} keys, token from the cache shared with the AWS CLI), and {@code role_arn} profiles on top of a
 * {@code source_profile} or {@code credential_source}, chained as deep as the files say, with
 * {@code external_id}, {@code role_session_name}, {@code duration_seconds} and {@code mfa_serial}.
 *
 * <p>The SDK's own profile provider does most of this but never asks for an MFA code, looks for the token cache
 * only in the real home folder and sends STS and Identity Center calls to AWS even when an endpoint is
 * overridden; hence this resolver, built from the SDK's providers. Temporary credentials are cached and renewed
 * by those providers, so one provider serves a whole scan. The structure of the chain (missing profiles,
 * cycles, incomplete settings) is checked when the provider is built; credentials are fetched on first use.
 *
 * <p>The STS and Identity Center clients built here do not pass through the scan's read-only guard: they obtain
 * an identity and read or change nothing in the account (see docs/adr/0004-credential-calls.md).
 */
public final class ProfileCredentials implements AutoCloseable {

    private static final String FALLBACK_REGION = "us-east-1";

    private final CredentialsEnvironment environment;
    private final ProfileFile profiles;
    private final URI endpointOverride;
    private final String fallbackRegion;
    private final MfaCodeSupplier mfa;
    private final SdkHttpClient http;
    private final boolean ownsHttp;
    private final List<SdkAutoCloseable> closeables = new ArrayList<>();

    /**
     * @param endpointOverride where STS and Identity Center calls go (the simulator), or null for the profile's
     *                         {@code endpoint_url}, else AWS
     * @param fallbackRegion   STS region when the profile names none; null = us-east-1
     * @param mfa              asked for codes of roles with {@code mfa_serial}; null = nobody to ask
     * @param http             HTTP client to share, or null for one of its own
     */
    public ProfileCredentials(CredentialsEnvironment environment, URI endpointOverride, String fallbackRegion,
                              MfaCodeSupplier mfa, SdkHttpClient http) {
        this.environment = environment;
        this.profiles = environment.profileFile();
        this.endpointOverride = endpointOverride;
        this.fallbackRegion = fallbackRegion == null || fallbackRegion.isBlank() ? FALLBACK_REGION : fallbackRegion;
        this.mfa = mfa == null ? MfaCodeSupplier.NONE : mfa;
        this.ownsHttp = http == null;
        this.http = http != null ? http : ApacheHttpClient.builder().build();
    }

    /**
     * The credentials of {@code profileName}. Resolves nothing over the network yet.
     *
     * @throws ProfileCredentialsException when the profile or one it names is missing, the chain loops, or a
     *                                     setting it needs is absent
     */
    public AwsCredentialsProvider provider(String profileName) {
        AwsCredentialsProvider chain = build(profileName, profileName, new ArrayDeque<>());
        return new NamedProvider(profileName, chain);
    }

    /** The profile's {@code region}, if it names one. */
    public Optional<String> region(String profileName) {
        return profiles.profile(profileName).flatMap(p -> p.property("region"));
    }

    /** The profile's {@code endpoint_url}, if it names one. */
    public Optional<URI> endpointUrl(String profileName) {
        return profiles.profile(profileName).flatMap(p -> p.property("endpoint_url")).map(URI::create);
    }

    private AwsCredentialsProvider build(String top, String name, Deque<String> chain) {
        if (chain.contains(name)) {
            List<String> path = new ArrayList<>(chain);
            java.util.Collections.reverse(path);
            path.add(name);
            throw new ProfileCredentialsException(top, "the source_profile settings of profile " + top
                    + " form a cycle: " + String.join(" -> ", path));
        }
        Profile p = profiles.profile(name).orElseThrow(() -> chain.isEmpty()
                ? new ProfileCredentialsException(top, "profile " + top + " does not exist")
                : new ProfileCredentialsException(top, "source_profile " + name + " of " + chain.peek()
                + " does not exist"));
        chain.push(name);
        try {
            if (p.property("role_arn").isPresent()) {
                return assumeRole(top, name, p, chain);
            }
            if (p.property("sso_session").isPresent() || p.property("sso_start_url").isPresent()
                    || p.property("sso_account_id").isPresent()) {
                return sso(top, name, p);
            }
            if (p.property("credential_process").isPresent()) {
                return ProcessCredentialsProvider.builder().command(p.property("credential_process").get())
                        .asyncCredentialUpdateEnabled(false).build();
            }
            if (p.property("aws_access_key_id").isPresent()) {
                return staticKeys(top, name, p);
            }
            throw new ProfileCredentialsException(top, "profile " + name + " has no credentials: none of"
                    + " aws_access_key_id, role_arn, sso_session, sso_start_url or credential_process is set");
        } finally {
            chain.pop();
        }
    }

    private AwsCredentialsProvider assumeRole(String top, String name, Profile p, Deque<String> chain) {
        Optional<String> sourceProfile = p.property("source_profile");
        Optional<String> credentialSource = p.property("credential_source");
        if (sourceProfile.isPresent() && credentialSource.isPresent()) {
            throw new ProfileCredentialsException(top, "profile " + name
                    + " sets both source_profile and credential_source; keep one");
        }
        AwsCredentialsProvider source;
        if (sourceProfile.isPresent()) {
            // As in the AWS CLI, a profile that names itself as source uses its own static keys.
            source = sourceProfile.get().equals(name) && p.property("aws_access_key_id").isPresent()
                    ? staticKeys(top, name, p) : build(top, sourceProfile.get(), chain);
        } else if (credentialSource.isPresent()) {
            source = credentialSource(top, name, credentialSource.get());
        } else {
            throw new ProfileCredentialsException(top, "profile " + name
                    + " has role_arn but neither source_profile nor credential_source");
        }
        String roleArn = p.property("role_arn").get();
        String sessionName = p.property("role_session_name").orElse(null);
        Integer duration = p.property("duration_seconds").map(s -> parseDuration(top, name, s)).orElse(null);
        String externalId = p.property("external_id").orElse(null);
        String mfaSerial = p.property("mfa_serial").orElse(null);
        StsClient sts = remember(endpoint(StsClient.builder(), p, top)
                .region(Region.of(region(p, top)))
                .credentialsProvider(source)
                .httpClient(http)
                .build());
        Supplier<AssumeRoleRequest> request = () -> {
            AssumeRoleRequest.Builder b = AssumeRoleRequest.builder().roleArn(roleArn)
                    .roleSessionName(sessionName != null ? sessionName : "tablewarden-" + Instant.now().toEpochMilli())
                    .durationSeconds(duration).externalId(externalId);
            if (mfaSerial != null) {
                String code = mfa.mfaCode(name, mfaSerial);
                if (code == null || code.isBlank()) {
                    throw new MfaCodeRequiredException(top, "profile " + name + " needs an MFA code (mfa_serial "
                            + mfaSerial + ")", false);
                }
                b.serialNumber(mfaSerial).tokenCode(code.trim());
            }
            return b.build();
        };
        return remember(StsAssumeRoleCredentialsProvider.builder().stsClient(sts).refreshRequest(request)
                .asyncCredentialUpdateEnabled(false).build());
    }

    private AwsCredentialsProvider credentialSource(String top, String name, String source) {
        switch (source) {
            case "Environment": {
                String key = environment.env().get("AWS_ACCESS_KEY_ID");
                String secret = environment.env().get("AWS_SECRET_ACCESS_KEY");
                if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
                    throw new ProfileCredentialsException(top, "profile " + name + " takes its source credentials"
                            + " from the environment, but AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set");
                }
                String token = environment.env().get("AWS_SESSION_TOKEN");
                return StaticCredentialsProvider.create(token == null || token.isBlank()
                        ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token));
            }
            case "Ec2InstanceMetadata":
                return remember(InstanceProfileCredentialsProvider.builder().build());
            case "EcsContainer":
                return remember(ContainerCredentialsProvider.builder().build());
            default:
                throw new ProfileCredentialsException(top, "profile " + name + " has credential_source " + source
                        + "; expected Environment, Ec2InstanceMetadata or EcsContainer");
        }
    }

    private AwsCredentialsProvider staticKeys(String top, String name, Profile p) {
        String key = p.property("aws_access_key_id").orElse("");
        Optional<String> secret = p.property("aws_secret_access_key");
        if (key.isBlank() || secret.isEmpty() || secret.get().isBlank()) {
            throw new ProfileCredentialsException(top, "profile " + name
                    + " needs both aws_access_key_id and aws_secret_access_key");
        }
        Optional<String> token = p.property("aws_session_token").filter(t -> !t.isBlank());
        AwsCredentials credentials = token.isPresent()
                ? AwsSessionCredentials.create(key, secret.get(), token.get())
                : AwsBasicCredentials.create(key, secret.get());
        return StaticCredentialsProvider.create(credentials);
    }

    private AwsCredentialsProvider sso(String top, String name, Profile p) {
        SsoProfile sso = SsoProfile.of(top, name, p, profiles, true);
        SsoClient client = remember(endpoint(SsoClient.builder(), p, top)
                .region(Region.of(sso.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(http)
                .build());
        SsoTokenCache cache = new SsoTokenCache(environment.ssoCacheDir());
        SsoDeviceLogin renewal = new SsoDeviceLogin(cache, endpointFor(p, top), http, null, null);
        Supplier<GetRoleCredentialsRequest> request = () -> {
            // Re-read on every renewal: the AWS CLI or a sign-in in the application may have replaced the token.
            SsoTokenCache.SsoToken cached = cache.read(sso.cacheKey())
                    .orElseThrow(() -> SsoLoginRequiredException.notSignedIn(top));
            SsoTokenCache.SsoToken token = cached.expired(Instant.now())
                    ? renewal.refresh(sso, cached).orElseThrow(() -> SsoLoginRequiredException.expired(top))
                    : cached;
            return GetRoleCredentialsRequest.builder().accessToken(token.accessToken())
                    .accountId(sso.accountId()).roleName(sso.roleName()).build();
        };
        SsoCredentialsProvider.Builder builder = SsoCredentialsProvider.builder();
        builder.ssoClient(client).refreshRequest(request).asyncCredentialUpdateEnabled(false);
        return remember(builder.build());
    }

    /** The sign-in settings of an IAM Identity Center profile, for {@link SsoDeviceLogin}. */
    public SsoProfile ssoProfile(String profileName) {
        Profile p = profiles.profile(profileName).orElseThrow(() ->
                new ProfileCredentialsException(profileName, "profile " + profileName + " does not exist"));
        return SsoProfile.of(profileName, profileName, p, profiles, false);
    }

    private <B extends software.amazon.awssdk.core.client.builder.SdkClientBuilder<B, ?>> B endpoint(B builder,
                                                                                                     Profile p,
                                                                                                     String top) {
        URI endpoint = endpointFor(p, top);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /**
     * The override, else the profile's own endpoint_url, else the one of the profile the user chose, so that a
     * whole chain follows the chosen profile to an AWS-compatible endpoint; null = AWS.
     */
    private URI endpointFor(Profile p, String top) {
        if (endpointOverride != null) {
            return endpointOverride;
        }
        return p.property("endpoint_url")
                .or(() -> profiles.profile(top).flatMap(t -> t.property("endpoint_url")))
                .map(URI::create).orElse(null);
    }

    private String region(Profile p, String top) {
        return p.property("region")
                .or(() -> profiles.profile(top).flatMap(t -> t.property("region")))
                .orElse(fallbackRegion);
    }

    private static Integer parseDuration(String top, String name, String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new ProfileCredentialsException(top, "profile " + name + " has duration_seconds " + value
                    + "; expected a number of seconds");
        }
    }

    private synchronized <T> T remember(T closeable) {
        if (closeable instanceof SdkAutoCloseable) {
            closeables.add((SdkAutoCloseable) closeable);
        }
        return closeable;
    }

    @Override
    public synchronized void close() {
        for (SdkAutoCloseable c : closeables) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // Best effort while shutting down.
            }
        }
        closeables.clear();
        if (ownsHttp) {
            http.close();
        }
    }
}
