package io.tablewarden.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single HTTP handler: finds the service a request belongs to, applies the account-level rules (credentials,
 * disabled regions, faults, access-denied rules) and lets the service answer.
 */
final class RequestRouter implements HttpHandler {

    private final Fixture fixture;
    private final FaultInjector faults;
    private final RequestCounters counters;
    private final SimulatorOptions options;
    private final List<JsonService> jsonServices;
    private final IssuedSessions sessions;
    private final StsService sts;
    private final SsoOidcService ssoOidc;
    private final SsoPortalService ssoPortal;
    private final IamService iam;
    private final Ec2Service ec2 = new Ec2Service();
    private final SecurityHubService securityHub = new SecurityHubService();
    private final SimService backup;
    private final AtomicLong requestSequence = new AtomicLong();
    private final ScheduledExecutorService replies;

    RequestRouter(Fixture fixture, FaultInjector faults, RequestCounters counters, SimulatorOptions options,
                  List<JsonService> jsonServices, SimService backup, ScheduledExecutorService replies) {
        this(fixture, faults, counters, options, jsonServices, backup, replies, new IssuedSessions());
    }

    /**
     * A router whose temporary credentials live in {@code sessions}, shared with the other accounts of an
     * organisation so that credentials one account's STS issued are recognised by every account's endpoint.
     */
    RequestRouter(Fixture fixture, FaultInjector faults, RequestCounters counters, SimulatorOptions options,
                  List<JsonService> jsonServices, SimService backup, ScheduledExecutorService replies,
                  IssuedSessions sessions) {
        this.replies = replies;
        this.sessions = sessions;
        this.sts = new StsService(sessions);
        this.ssoOidc = new SsoOidcService(sessions);
        this.ssoPortal = new SsoPortalService(sessions);
        this.iam = new IamService(sessions);
        this.fixture = fixture;
        this.faults = faults;
        this.counters = counters;
        this.options = options;
        this.jsonServices = jsonServices;
        this.backup = backup;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = requestId();
        SimRequest request;
        try {
            request = read(exchange, requestId);
        } catch (RuntimeException e) {
            finish(exchange, new Reply(new SimResponse(500, "text/plain", "simulator failure: " + e), 0, false),
                    requestId);
            return;
        }
        answer(exchange, request);
    }

    /**
     * The request of {@code exchange}, body read whole. An exchange whose body cannot be read is closed and the
     * problem rethrown; a request that cannot be understood throws {@link RuntimeException} and leaves the exchange
     * open for the caller's answer.
     */
    static SimRequest read(HttpExchange exchange, String requestId) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            exchange.close();
            throw new IOException("the request could not be read", e);
        }
        return new SimRequest(requestId, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
    }

    /**
     * Answers {@code request} on {@code exchange} and closes it, after the call's latency (also for a front that
     * read the request and picked this router by its credentials).
     */
    void answer(HttpExchange exchange, SimRequest request) {
        String requestId = request.requestId;
        if (request.region != null && options.silentRegions().contains(request.region)) {
            // Never answered: the client waits until its own timeout; the server's stop closes the connection.
            return;
        }
        Reply reply;
        try {
            reply = dispatch(request);
        } catch (RuntimeException e) {
            // a bug here must still produce an answer, or the client would hang until its timeout
            reply = new Reply(new SimResponse(500, "text/plain", "simulator failure: " + e), 0, false);
        }
        if (reply.delayMs() <= 0) {
            finish(exchange, reply, requestId);
            return;
        }
        // The answer is ready; it waits out its latency on the scheduler, not on this worker thread, so the
        // number of calls in flight is never capped by the worker pool.
        Reply ready = reply;
        try {
            replies.schedule(() -> finish(exchange, ready, requestId), reply.delayMs(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            finish(exchange, reply, requestId);
        }
    }

    /** Sends the answer, closes the exchange and, for a call that was counted in flight, counts it out. */
    private void finish(HttpExchange exchange, Reply reply, String requestId) {
        try (exchange) {
            send(exchange, reply.response(), requestId);
        } catch (IOException | RuntimeException clientGone) {
            // The client stopped waiting; there is nobody to tell.
        } finally {
            if (reply.inFlight()) {
                faults.leave();
            }
        }
    }

    /**
     * An answer and how long it is held back.
     *
     * @param inFlight whether the call was counted in flight by {@link FaultInjector#enter()}
     */
    private record Reply(SimResponse response, long delayMs, boolean inFlight) {
    }

    private Reply dispatch(SimRequest request) {
        SimService service = route(request);
        if (service == null) {
            counters.record("unknown:Unknown");
            com.fasterxml.jackson.databind.node.ObjectNode body = JsonService.MAPPER.createObjectNode()
                    .put("message", "no simulated AWS service answers " + request.method + " " + request.rawPath);
            return new Reply(new SimResponse(404, "application/json", JsonService.write(body))
                    .header("x-amzn-ErrorType", "UnknownOperationException"), 0, false);
        }
        SimService.Call call;
        try {
            call = service.parse(request);
        } catch (ApiError e) {
            counters.record(service.iamPrefix() + ":Unknown");
            return new Reply(service.errorResponse(e, request.requestId), 0, false);
        }
        String operationKey = service.iamPrefix() + ":" + call.operation();
        counters.record(operationKey);
        boolean admitted = faults.enter();
        long delay = 0;
        try {
            if (service.signed()) {
                checkCaller(service, request);
            }
            if (!admitted) {
                throw service.commonError(CommonError.THROTTLED, "Rate exceeded");
            }
            CallContext ctx = new CallContext(fixture, request.region, options.pageSize(operationKey), request);
            // the same request (same region, path and body) is the same "resource" whose attempts are counted
            FaultInjector.Decision decision = faults.decide(operationKey,
                    () -> request.region + ' ' + request.rawPath + '?' + request.rawQuery + ' ' + request.bodyText());
            delay = decision.delayMs();
            if (decision.outcome() == FaultInjector.Outcome.THROTTLE) {
                throw service.commonError(CommonError.THROTTLED, "Rate exceeded");
            }
            if (decision.outcome() == FaultInjector.Outcome.SERVER_ERROR) {
                throw service.commonError(CommonError.SERVER_ERROR, "The service encountered an internal error. Try again.");
            }
            String resource = service.resourceArn(call, ctx);
            if (faults.deniedBy(operationKey, resource, ctx.regionName) != null) {
                throw service.commonError(CommonError.ACCESS_DENIED, "User: " + fixture.callerArn
                        + " is not authorized to perform: " + operationKey + " on resource: "
                        + (resource == null ? "*" : resource) + " because no identity-based policy allows the "
                        + operationKey + " action");
            }
            SimResponse answer = service.invoke(call, ctx);
            return new Reply(faults.settings().repeatPageTokens().contains(operationKey)
                    ? Paging.repeatToken(answer, request) : answer, delay, true);
        } catch (ApiError e) {
            return new Reply(service.errorResponse(e, request.requestId), delay, true);
        } catch (RuntimeException e) {
            faults.leave();
            throw e;
        }
    }

    /** Credentials and region rules, checked before anything else as AWS does at its front door. */
    private void checkCaller(SimService service, SimRequest request) {
        String key = request.accessKeyId;
        if (key == null || request.region == null) {
            throw service.commonError(CommonError.UNRECOGNIZED_CLIENT, "The request carries no SigV4 credential scope.");
        }
        if (key.startsWith("EXPIRED")) {
            throw service.commonError(CommonError.EXPIRED_TOKEN, "The security token included in the request is expired");
        }
        if (key.startsWith("INVALID")) {
            throw service.commonError(CommonError.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }
        // STS and IAM are global: they answer whatever region the client signed for
        if (service != sts && service != iam && !fixture.isEnabled(request.region)) {
            throw service.commonError(CommonError.UNRECOGNIZED_CLIENT,
                    "The security token included in the request is invalid.");
        }
    }

    private SimService route(SimRequest request) {
        String target = request.header("X-Amz-Target");
        if (target != null) {
            for (JsonService s : jsonServices) {
                if (target.startsWith(s.targetPrefix())) {
                    return s;
                }
            }
            return null;
        }
        if (request.signingService == null && SsoOidcService.handles(request.rawPath)) {
            return ssoOidc;
        }
        if (request.signingService == null && SsoPortalService.handles(request.rawPath)) {
            return ssoPortal;
        }
        String signing = request.signingService;
        if (SecurityHubService.handles(request)) {
            return securityHub;
        }
        if ("backup".equals(signing) || (signing == null && BackupPaths.looksLikeBackup(request.rawPath))) {
            return backup;
        }
        if ("sts".equals(signing)) {
            return sts;
        }
        if ("ec2".equals(signing)) {
            return ec2;
        }
        if ("iam".equals(signing)) {
            return iam;
        }
        String action = QueryXmlService.action(request);
        if ("GetCallerIdentity".equals(action)) {
            return sts;
        }
        if ("DescribeRegions".equals(action)) {
            return ec2;
        }
        return null;
    }

    /** The Security Hub findings imported into {@code region}. */
    List<com.fasterxml.jackson.databind.node.ObjectNode> securityHubFindings(String region) {
        return securityHub.findings(region);
    }

    private String requestId() {
        String hex = Long.toHexString(requestSequence.incrementAndGet());
        return "5e1a0000-0000-4000-8000-" + "0".repeat(Math.max(0, 12 - hex.length())) + hex;
    }

    static void send(HttpExchange exchange, SimResponse response, String requestId) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType);
        headers.set("x-amzn-RequestId", requestId);
        response.headers.forEach(headers::set);
        exchange.sendResponseHeaders(response.status, response.body.length == 0 ? -1 : response.body.length);
        if (response.body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body);
            }
        }
    }
}
