package io.tablewarden.engine.aws.credentials;

import io.tablewarden.simulator.AccountSimulator;
import io.tablewarden.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The polling rules of the device flow: slow_down widens the interval, a request not approved in time fails. */
class SsoDeviceLoginTest {

    private static final String FIXTURE = "{\"formatVersion\":1,\"account\":\"123456789012\","
            + "\"enabledRegions\":[\"us-east-1\"],"
            + "\"identities\":{\"sso\":{\"slowDownPolls\":1,\"pendingPolls\":1}}}";
    private static final SsoProfile PROFILE = new SsoProfile("dev", "dev-session", "https://dev.awsapps.com/start",
            "us-east-1", "123456789012", "Audit");

    private static AccountSimulator sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sim = AccountSimulator.startFromJson(FIXTURE, SimulatorOptions.builder().build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void slowDownAddsFiveSecondsToTheInterval() throws Exception {
        List<Long> sleeps = new ArrayList<>();
        SsoTokenCache cache = new SsoTokenCache(dir);
        SsoTokenCache.SsoToken token = new SsoDeviceLogin(cache, sim.endpoint(), null, sleeps::add, null)
                .login(PROFILE, (uri, complete, code) -> { });
        assertEquals(List.of(1000L, 6000L, 6000L), sleeps);
        assertFalse(token.expired(Instant.now()));
        assertEquals("dev-session", PROFILE.cacheKey());
        assertTrue(Files.exists(dir.resolve(SsoTokenCache.fileName("dev-session"))));
    }

    @Test
    void aRequestNotApprovedInTimeSaysSignInAgainAndCachesNothing() {
        // every reading of the clock is five minutes later: the ten-minute device code runs out while pending
        Clock hurried = new Clock() {
            private Instant now = Instant.now();

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                now = now.plusSeconds(300);
                return now;
            }
        };
        SsoLoginRequiredException e = assertThrows(SsoLoginRequiredException.class, () ->
                new SsoDeviceLogin(new SsoTokenCache(dir), sim.endpoint(), null, millis -> { }, hurried)
                        .login(PROFILE, (uri, complete, code) -> { }));
        assertTrue(e.getMessage().contains("sign in again"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(SsoTokenCache.fileName("dev-session"))));
    }
}
