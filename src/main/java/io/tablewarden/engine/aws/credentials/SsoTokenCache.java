package io.tablewarden.engine.aws.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.platform.AtomicFiles;
import io.tablewarden.platform.OwnerOnly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The IAM Identity Center token cache shared with the AWS CLI v2: one JSON file per sign-in in
 * {@code ~/.aws/sso/cache}, named after the SHA-1 of the {@code sso_session} name (or, for legacy profiles, of
 * the start URL), with the AWS CLI's member names. Both tools therefore see and renew the same sign-in.
 */
public final class SsoTokenCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One cached sign-in. The access token, refresh token and client secret are secrets: {@link #toString()}
     * leaves them out.
     */
    public record SsoToken(String accessToken, Instant expiresAt, String refreshToken, String clientId,
                           String clientSecret, Instant registrationExpiresAt, String region, String startUrl) {

        /** True when the access token is past its expiry (with a minute's margin for clock skew and the call). */
        public boolean expired(Instant now) {
            return accessToken == null || expiresAt == null || !expiresAt.isAfter(now.plusSeconds(60));
        }

        @Override
        public String toString() {
            return "SsoToken[startUrl=" + startUrl + ", region=" + region + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final Path dir;

    public SsoTokenCache(Path dir) {
        this.dir = dir;
    }

    /** The file name the AWS CLI uses: lower-case hex SHA-1 of the session name or start URL, plus {@code .json}. */
    public static String fileName(String sessionNameOrStartUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(sessionNameOrStartUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    public Path file(String sessionNameOrStartUrl) {
        return dir.resolve(fileName(sessionNameOrStartUrl));
    }

    /** The cached sign-in, or empty when there is none or the file cannot be read as one. */
    public Optional<SsoToken> read(String sessionNameOrStartUrl) {
        Path file = file(sessionNameOrStartUrl);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new SsoToken(text(n, "accessToken"), instant(n, "expiresAt"), text(n, "refreshToken"),
                    text(n, "clientId"), text(n, "clientSecret"), instant(n, "registrationExpiresAt"),
                    text(n, "region"), text(n, "startUrl")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes the sign-in atomically (temporary file, then rename), readable by the owner only. */
    public void write(String sessionNameOrStartUrl, SsoToken token) {
        ObjectNode n = JSON.createObjectNode();
        n.put("startUrl", token.startUrl());
        n.put("region", token.region());
        n.put("accessToken", token.accessToken());
        n.put("expiresAt", format(token.expiresAt()));
        if (token.clientId() != null) {
            n.put("clientId", token.clientId());
            n.put("clientSecret", token.clientSecret());
            n.put("registrationExpiresAt", format(token.registrationExpiresAt()));
        }
        if (token.refreshToken() != null) {
            n.put("refreshToken", token.refreshToken());
        }
        try {
            // AtomicFiles writes owner-only: the file holds the access and refresh tokens.
            OwnerOnly.createFolders(dir);
            AtomicFiles.write(file(sessionNameOrStartUrl), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
        } catch (IOException e) {
            // the message names the folder only; the exception's own text never carries the token
            throw new UncheckedIOException("cannot write the SSO token cache in " + dir, e);
        }
    }

    private static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The AWS CLI writes {@code 2024-05-01T12:00:00Z}; older versions wrote {@code +0000} or {@code UTC} instead of Z. */
    private static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        String normalised = s.trim().replace("UTC", "Z").replace("+0000", "Z").replace("+00:00", "Z");
        try {
            return Instant.parse(normalised);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
