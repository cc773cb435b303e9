package io.tablewarden.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The identities block: AssumeRole rules, SSO OIDC device sign-in and the portal, seen through the real SDK. */
class SimulatorIdentityTest {

    private static final String FIXTURE = "{\"formatVersion\":1,\"account\":\"123456789012\","
            + "\"enabledRegions\":[\"us-east-1\"],\"identities\":{\"accountAliases\":[\"sim-alias\"],"
            + "\"roles\":[{\"RoleArn\":\"arn:aws:iam::123456789012:role/Ext\",\"ExternalId\":\"x-1\"}],"
            + "\"sso\":{\"pendingPolls\":1,\"roles\":[{\"accountId\":\"123456789012\",\"roleName\":\"Audit\"}]}}}";

    private static AccountSimulator sim;

    @BeforeAll
    static void start() throws IOException {
        sim = AccountSimulator.startFromJson(FIXTURE, SimulatorOptions.builder().build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static StsClient sts() {
        return SimulatorTestSupport.noRetryClient(StsClient.builder(), sim, "us-east-1", "AKIDTEST");
    }

    @Test
    void assumeRoleChecksArnRoleAndExternalId() {
        try (StsClient sts = sts()) {
            StsException malformed = assertThrows(StsException.class,
                    () -> sts.assumeRole(r -> r.roleArn("not-an-arn").roleSessionName("s1")));
            assertEquals("ValidationError", malformed.awsErrorDetails().errorCode());
            StsException unknown = assertThrows(StsException.class,
                    () -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/Other").roleSessionName("s1")));
            assertEquals("AccessDenied", unknown.awsErrorDetails().errorCode());
            assertThrows(StsException.class,
                    () -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/Ext").roleSessionName("s1")));
            AssumeRoleResponse ok = sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/Ext")
                    .roleSessionName("s1").externalId("x-1").durationSeconds(900));
            assertEquals("arn:aws:sts::123456789012:assumed-role/Ext/s1", ok.assumedRoleUser().arn());
            assertTrue(ok.credentials().accessKeyId().startsWith("ASIA"));
            assertTrue(ok.credentials().expiration().isAfter(java.time.Instant.now().plusSeconds(800)));
        }
    }

    @Test
    void deviceSignInIsPendingOnceThenTokenOpensThePortal() {
        try (SsoOidcClient oidc = SsoOidcClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build();
             SsoClient portal = SsoClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            RegisterClientResponse client = oidc.registerClient(r -> r.clientName("t").clientType("public"));
            StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).startUrl("https://x.awsapps.com/start"));
            assertThrows(AuthorizationPendingException.class, () -> oidc.createToken(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).grantType("urn:ietf:params:oauth:grant-type:device_code")
                    .deviceCode(device.deviceCode())));
            CreateTokenResponse token = oidc.createToken(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).grantType("urn:ietf:params:oauth:grant-type:device_code")
                    .deviceCode(device.deviceCode()));
            String creds = portal.getRoleCredentials(r -> r.accessToken(token.accessToken())
                    .accountId("123456789012").roleName("Audit")).roleCredentials().accessKeyId();
            try (StsClient sts = StsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(creds, "x"))).build()) {
                assertTrue(sts.getCallerIdentity().arn().contains(":assumed-role/AWSReservedSSO_Audit_"));
            }
            assertThrows(UnauthorizedException.class, () -> portal.getRoleCredentials(r -> r.accessToken("forged")
                    .accountId("123456789012").roleName("Audit")));
        }
    }

    @Test
    void accountAliasesAndFixtureValidation() {
        try (IamClient iam = SimulatorTestSupport.client(IamClient.builder(), sim, "us-east-1")) {
            assertEquals(java.util.List.of("sim-alias"), iam.listAccountAliases().accountAliases());
        }
        FixtureException bad = assertThrows(FixtureException.class, () -> AccountSimulator.validate(
                FIXTURE.replace("role/Ext", "user/Ext")));
        assertEquals("$.identities.roles[0].RoleArn", bad.jsonPath());
    }
}
