package io.tablewarden.engine.aws.credentials;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClientBuilder;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * IAM Identity Center sign-in with the OAuth device authorization grant, as {@code aws sso login} does it:
 * register a client, start a device authorization, show the verification URL and user code, poll for the
 * token (honouring {@code authorization_pending}, {@code slow_down} and {@code expired_token}) and store it in
 * the token cache shared with the AWS CLI.
 */
public final class SsoDeviceLogin {

    /** Shows the person signing in where to approve the request. */
    @FunctionalInterface
    public interface Prompt {
        /**
         * @param verificationUri         the page to open
         * @param verificationUriComplete the same page with the code filled in (may be null)
         * @param userCode                the code the page asks for
         */
        void show(String verificationUri, String verificationUriComplete, String userCode);
    }

    /** Waits between polls; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    /** RFC 8628: on slow_down the interval grows by five seconds. */
    private static final long SLOW_DOWN_MILLIS = 5000;

    private final SsoTokenCache cache;
    private final URI endpointOverride;
    private final SdkHttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param endpointOverride where the OIDC calls go (the simulator), or null for AWS
     * @param http             HTTP client to use, or null for the SDK's default
     */
    public SsoDeviceLogin(SsoTokenCache cache, URI endpointOverride, SdkHttpClient http, Sleeper sleeper, Clock clock) {
        this.cache = cache;
        this.endpointOverride = endpointOverride;
        this.http = http;
        this.sleeper = sleeper == null ? Thread::sleep : sleeper;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /**
     * Runs the sign-in for {@code profile} and caches the token under the profile's cache key.
     *
     * @throws SsoLoginRequiredException when the request was not approved before it expired
     * @throws InterruptedException      when the wait was interrupted (nothing is cached then)
     */
    public SsoTokenCache.SsoToken login(SsoProfile profile, Prompt prompt) throws InterruptedException {
        try (SsoOidcClient oidc = client(profile)) {
            RegisterClientResponse client = oidc.registerClient(r -> {
                r.clientName("tablewarden").clientType("public");
                if (profile.sessionName() != null) {
                    // the AWS CLI's default for sso-session sign-ins, which may then be refreshed
                    r.scopes("sso:account:access");
                }
            });
            StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r
                    .clientId(client.clientId()).clientSecret(client.clientSecret()).startUrl(profile.startUrl()));
            prompt.show(device.verificationUri(), device.verificationUriComplete(), device.userCode());
            long interval = Math.max(1, device.interval() == null ? 5 : device.interval()) * 1000L;
            Instant deadline = clock.instant().plusSeconds(device.expiresIn() == null ? 600 : device.expiresIn());
            while (true) {
                if (clock.instant().isAfter(deadline)) {
                    throw notApproved(profile);
                }
                sleeper.sleep(interval);
                CreateTokenResponse token;
                try {
                    token = oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                            .grantType(DEVICE_GRANT).deviceCode(device.deviceCode()));
                } catch (AuthorizationPendingException pending) {
                    continue;
                } catch (SlowDownException slowDown) {
                    interval += SLOW_DOWN_MILLIS;
                    continue;
                } catch (ExpiredTokenException expired) {
                    throw notApproved(profile);
                }
                Instant now = clock.instant();
                SsoTokenCache.SsoToken cached = new SsoTokenCache.SsoToken(token.accessToken(),
                        now.plusSeconds(token.expiresIn() == null ? 3600 : token.expiresIn()), token.refreshToken(),
                        client.clientId(), client.clientSecret(),
                        client.clientSecretExpiresAt() == null ? null : Instant.ofEpochSecond(client.clientSecretExpiresAt()),
                        profile.region(), profile.startUrl());
                cache.write(profile.cacheKey(), cached);
                return cached;
            }
        }
    }

    /**
     * Renews an expired access token with its refresh token, as the AWS CLI does, and caches the result.
     *
     * @return the renewed token, or empty when the token cannot be renewed (then only a new sign-in helps)
     */
    public java.util.Optional<SsoTokenCache.SsoToken> refresh(SsoProfile profile, SsoTokenCache.SsoToken expired) {
        Instant now = clock.instant();
        if (expired.refreshToken() == null || expired.clientId() == null || expired.clientSecret() == null
                || (expired.registrationExpiresAt() != null && !expired.registrationExpiresAt().isAfter(now))) {
            return java.util.Optional.empty();
        }
        try (SsoOidcClient oidc = client(profile)) {
            CreateTokenResponse token = oidc.createToken(r -> r.clientId(expired.clientId())
                    .clientSecret(expired.clientSecret()).grantType("refresh_token")
                    .refreshToken(expired.refreshToken()));
            SsoTokenCache.SsoToken renewed = new SsoTokenCache.SsoToken(token.accessToken(),
                    now.plusSeconds(token.expiresIn() == null ? 3600 : token.expiresIn()),
                    token.refreshToken() != null ? token.refreshToken() : expired.refreshToken(),
                    expired.clientId(), expired.clientSecret(), expired.registrationExpiresAt(),
                    expired.region() != null ? expired.region() : profile.region(),
                    expired.startUrl() != null ? expired.startUrl() : profile.startUrl());
            cache.write(profile.cacheKey(), renewed);
            return java.util.Optional.of(renewed);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            // a refused or unreachable renewal means the same as no refresh token: sign in again
            return java.util.Optional.empty();
        }
    }

    private SsoOidcClient client(SsoProfile profile) {
        SsoOidcClientBuilder builder = SsoOidcClient.builder().region(Region.of(profile.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create());
        if (http != null) {
            builder.httpClient(http);
        }
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder.build();
    }

    private static SsoLoginRequiredException notApproved(SsoProfile profile) {
        return new SsoLoginRequiredException(profile.profile(), "the SSO sign-in of profile " + profile.profile()
                + " was not approved in time — sign in again");
    }
}
