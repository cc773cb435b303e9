package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The IAM Identity Center portal (REST-JSON, bearer token instead of SigV4): GetRoleCredentials, which an
 * {@code sso_*} profile turns its cached access token into role credentials with. Accepted tokens are the ones
 * {@link SsoOidcService} issued and the fixture's {@code identities.sso.accessTokens}.
 */
final class SsoPortalService implements SimService {

    static final String TOKEN_HEADER = "x-amz-sso_bearer_token";
    private static final long CREDENTIAL_SECONDS = 3600;

    private final IssuedSessions sessions;

    SsoPortalService(IssuedSessions sessions) {
        this.sessions = sessions;
    }

    static boolean handles(String path) {
        return path.startsWith("/federation/");
    }

    @Override
    public String iamPrefix() {
        return "sso";
    }

    @Override
    public boolean signed() {
        return false;
    }

    @Override
    public Call parse(SimRequest request) {
        if (!"GET".equals(request.method) || !"/federation/credentials".equals(request.rawPath)) {
            throw commonError(CommonError.UNKNOWN_OPERATION, "No SSO portal operation at " + request.rawPath);
        }
        ObjectNode in = JsonService.MAPPER.createObjectNode();
        request.queryParameters().forEach(in::put);
        String token = request.header(TOKEN_HEADER);
        if (token != null) {
            in.put("accessToken", token);
        }
        return new Call("GetRoleCredentials", in);
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        return null;
    }

    @Override
    public SimResponse invoke(Call call, CallContext ctx) {
        ObjectNode in = call.input();
        String token = in.path("accessToken").asText(null);
        IdentityFixture identities = ctx.fixture.identities;
        if (!sessions.accessTokenValid(token, Instant.now())
                && (token == null || !identities.acceptedAccessTokens.contains(token))) {
            throw new ApiError("UnauthorizedException", 401, "Session token not found or invalid");
        }
        String account = in.path("account_id").asText("");
        String roleName = in.path("role_name").asText("");
        if (!account.matches("\\d{12}") || roleName.isEmpty() || !identities.ssoRoleExists(account, roleName)) {
            throw new ApiError("ForbiddenException", 403, "No access");
        }
        String arn = "arn:" + ctx.fixture.partition + ":sts::" + account + ":assumed-role/AWSReservedSSO_" + roleName
                + "_0123456789abcdef/simulated-user";
        Instant expiration = Instant.now().plusSeconds(CREDENTIAL_SECONDS);
        IssuedSessions.Session s = sessions.issue(arn, account, expiration);
        ObjectNode out = JsonService.MAPPER.createObjectNode();
        out.putObject("roleCredentials").put("accessKeyId", s.accessKeyId())
                .put("secretAccessKey", s.secretAccessKey()).put("sessionToken", s.sessionToken())
                .put("expiration", expiration.toEpochMilli());
        return new SimResponse(200, "application/json", JsonService.write(out));
    }

    @Override
    public ApiError commonError(CommonError kind, String message) {
        switch (kind) {
            case THROTTLED:
                return new ApiError("TooManyRequestsException", 429, message);
            case SERVER_ERROR:
                return new ApiError("InternalServerException", 500, message);
            case UNKNOWN_OPERATION:
                return new ApiError("UnknownOperationException", 404, message);
            default:
                return new ApiError("UnauthorizedException", 401, message);
        }
    }

    @Override
    public SimResponse errorResponse(ApiError error, String requestId) {
        ObjectNode body = JsonService.MAPPER.createObjectNode();
        body.put("message", error.getMessage());
        return new SimResponse(error.status(), "application/json", JsonService.write(body))
                .header("x-amzn-ErrorType", error.code());
    }
}
