package io.tablewarden.simulator;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Temporary credentials and bearer tokens the simulator handed out, so that a later call signed with them is
 * answered for the identity they stand for (a role chain is then observable through GetCallerIdentity).
 */
final class IssuedSessions {

    /** One set of temporary credentials: who they stand for and until when. */
    record Session(String accessKeyId, String secretAccessKey, String sessionToken, String arn, String account,
                   Instant expiration) {
    }

    private final Map<String, Session> byAccessKey = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    Session issue(String arn, String account, Instant expiration) {
        String number = Long.toString(sequence.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
        String key = "ASIASIM" + "0".repeat(Math.max(0, 13 - number.length())) + number;
        Session s = new Session(key, randomText(20), randomText(32), arn, account, expiration);
        byAccessKey.put(key, s);
        return s;
    }

    /** The session of an access key this simulator issued, or null. */
    Session session(String accessKeyId) {
        return accessKeyId == null ? null : byAccessKey.get(accessKeyId);
    }

    String issueAccessToken(Instant expiration) {
        String token = "simtoken-" + randomText(24);
        accessTokens.put(token, expiration);
        return token;
    }

    /** True for a token this simulator issued that has not expired yet. */
    boolean accessTokenValid(String token, Instant now) {
        Instant until = token == null ? null : accessTokens.get(token);
        return until != null && until.isAfter(now);
    }

    String randomText(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
