package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IAM Identity Center OIDC (REST-JSON, unsigned): RegisterClient, StartDeviceAuthorization and CreateToken with
 * the device-code and refresh-token grants. The sign-in is approved deterministically: the first
 * {@code identities.sso.slowDownPolls} polls of a device code answer {@code slow_down}, the next
 * {@code pendingPolls} {@code authorization_pending}, and the one after gets the token.
 */
final class SsoOidcService implements SimService {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final long TOKEN_SECONDS = 8 * 3600;

    private record Device(String clientId, Instant expires, AtomicInteger polls) {
    }

    private final IssuedSessions sessions;
    private final Map<String, String> clientSecrets = new ConcurrentHashMap<>();
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    SsoOidcService(IssuedSessions sessions) {
        this.sessions = sessions;
    }

    static boolean handles(String path) {
        return path.equals("/client/register") || path.equals("/device_authorization") || path.equals("/token");
    }

    @Override
    public String iamPrefix() {
        return "sso-oauth";
    }

    @Override
    public boolean signed() {
        return false;
    }

    @Override
    public Call parse(SimRequest request) {
        String op = null;
        if ("POST".equals(request.method)) {
            switch (request.rawPath) {
                case "/client/register":
                    op = "RegisterClient";
                    break;
                case "/device_authorization":
                    op = "StartDeviceAuthorization";
                    break;
                case "/token":
                    op = "CreateToken";
                    break;
                default:
                    break;
            }
        }
        if (op == null) {
            throw commonError(CommonError.UNKNOWN_OPERATION, "No SSO OIDC operation at " + request.rawPath);
        }
        try {
            JsonNode body = request.body.length == 0 ? null : JsonService.MAPPER.readTree(request.body);
            return new Call(op, body instanceof ObjectNode ? (ObjectNode) body : JsonService.MAPPER.createObjectNode());
        } catch (IOException e) {
            throw error("InvalidRequestException", "invalid_request", "Request body is not valid JSON");
        }
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        return null;
    }

    @Override
    public SimResponse invoke(Call call, CallContext ctx) {
        ObjectNode in = call.input();
        ObjectNode out = JsonService.MAPPER.createObjectNode();
        long now = Instant.now().getEpochSecond();
        switch (call.operation()) {
            case "RegisterClient": {
                String clientId = "simclient-" + sessions.randomText(8);
                String secret = "simsecret-" + sessions.randomText(16);
                clientSecrets.put(clientId, secret);
                out.put("clientId", clientId).put("clientSecret", secret).put("clientIdIssuedAt", now)
                        .put("clientSecretExpiresAt", now + 90L * 24 * 3600);
                break;
            }
            case "StartDeviceAuthorization": {
                requireClient(in);
                String deviceCode = "simdevice-" + sessions.randomText(12);
                String userCode = sessions.randomText(2).toUpperCase() + "-" + sessions.randomText(2).toUpperCase();
                devices.put(deviceCode, new Device(in.path("clientId").asText(), Instant.now().plusSeconds(600),
                        new AtomicInteger()));
                String uri = "https://device.sso.simulator.invalid/";
                out.put("deviceCode", deviceCode).put("userCode", userCode).put("verificationUri", uri)
                        .put("verificationUriComplete", uri + "?user_code=" + userCode)
                        .put("expiresIn", 600).put("interval", 1);
                break;
            }
            default:
                createToken(in, ctx, out);
        }
        return new SimResponse(200, "application/json", JsonService.write(out));
    }

    private void createToken(ObjectNode in, CallContext ctx, ObjectNode out) {
        requireClient(in);
        String grant = in.path("grantType").asText("");
        if ("refresh_token".equals(grant)) {
            String owner = refreshTokens.remove(in.path("refreshToken").asText(""));
            if (owner == null || !owner.equals(in.path("clientId").asText())) {
                throw error("InvalidGrantException", "invalid_grant", "Invalid refresh token provided");
            }
        } else if (DEVICE_GRANT.equals(grant)) {
            Device device = devices.get(in.path("deviceCode").asText(""));
            if (device == null || !device.clientId().equals(in.path("clientId").asText())) {
                throw error("InvalidGrantException", "invalid_grant", "Invalid device code provided");
            }
            if (device.expires().isBefore(Instant.now())) {
                devices.remove(in.path("deviceCode").asText());
                throw error("ExpiredTokenException", "expired_token", "Device code has expired");
            }
            int poll = device.polls().incrementAndGet();
            IdentityFixture identities = ctx.fixture.identities;
            if (poll <= identities.slowDownPolls) {
                throw error("SlowDownException", "slow_down", "Client is polling too quickly");
            }
            if (poll <= identities.slowDownPolls + identities.pendingPolls) {
                throw error("AuthorizationPendingException", "authorization_pending", "Authorization is still pending");
            }
            devices.remove(in.path("deviceCode").asText());
        } else {
            throw error("UnsupportedGrantTypeException", "unsupported_grant_type", "Unsupported grant type " + grant);
        }
        String refresh = "simrefresh-" + sessions.randomText(16);
        refreshTokens.put(refresh, in.path("clientId").asText());
        out.put("accessToken", sessions.issueAccessToken(Instant.now().plusSeconds(TOKEN_SECONDS)))
                .put("tokenType", "Bearer").put("expiresIn", TOKEN_SECONDS).put("refreshToken", refresh);
    }

    private void requireClient(ObjectNode in) {
        String secret = clientSecrets.get(in.path("clientId").asText(""));
        if (secret == null || !secret.equals(in.path("clientSecret").asText())) {
            throw new ApiError("InvalidClientException", 401, "Invalid client").withError("invalid_client");
        }
    }

    private static ApiError error(String code, String oauthError, String description) {
        return new ApiError(code, code.equals("InvalidClientException") ? 401 : 400, description).withError(oauthError);
    }

    @Override
    public ApiError commonError(CommonError kind, String message) {
        switch (kind) {
            case THROTTLED:
                return new ApiError("SlowDownException", 400, message).withError("slow_down");
            case SERVER_ERROR:
                return new ApiError("InternalServerException", 500, message).withError("server_error");
            case UNKNOWN_OPERATION:
                return new ApiError("UnknownOperationException", 404, message);
            default:
                return new ApiError("AccessDeniedException", 400, message).withError("access_denied");
        }
    }

    @Override
    public SimResponse errorResponse(ApiError error, String requestId) {
        ObjectNode body = JsonService.MAPPER.createObjectNode();
        body.put("error", error.oauthError() != null ? error.oauthError() : error.code());
        body.put("error_description", error.getMessage());
        return new SimResponse(error.status(), "application/json", JsonService.write(body))
                .header("x-amzn-ErrorType", error.code());
    }
}
