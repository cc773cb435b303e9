package io.tablewarden.simulator;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the simulator misbehaves: added latency, random throttling and server errors, access-denied rules, an
 * in-flight quota and listings that repeat their page token. Mirrors the fixture's {@code faults} block so that
 * tests can also inject faults in code.
 *
 * @param latencyMs       fixed delay added to every response
 * @param latencyJitterMs extra random delay in {@code [0, latencyJitterMs]}
 * @param throttleRate    fraction of calls answered with the service's throttling error
 * @param serverErrorRate fraction of calls answered with an HTTP 5xx error
 * @param seed            makes the random faults repeatable
 * @param accessDenied    rules whose calls answer the service's access-denied error
 * @param maxInFlight     0 = unlimited; otherwise requests beyond this many concurrent ones are throttled
 * @param repeatPageTokens operations ({@code dynamodb:ListTables}) whose pages hand back the token they were
 *                        asked with, as moto does for Application Auto Scaling: a client that follows tokens
 *                        blindly never reaches the end
 */
public record FaultSettings(long latencyMs, long latencyJitterMs, double throttleRate, double serverErrorRate,
                            long seed, List<AccessRule> accessDenied, int maxInFlight, Set<String> repeatPageTokens) {

    /** No faults at all. */
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0.0, 0.0, 0, List.of(), 0);

    /** Faults without repeated page tokens. */
    public FaultSettings(long latencyMs, long latencyJitterMs, double throttleRate, double serverErrorRate,
                         long seed, List<AccessRule> accessDenied, int maxInFlight) {
        this(latencyMs, latencyJitterMs, throttleRate, serverErrorRate, seed, accessDenied, maxInFlight, Set.of());
    }

    public FaultSettings {
        if (latencyMs < 0 || latencyJitterMs < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        if (!(throttleRate >= 0.0 && throttleRate <= 1.0) || !(serverErrorRate >= 0.0 && serverErrorRate <= 1.0)) {
            throw new IllegalArgumentException("rates must be within 0..1");
        }
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("maxInFlight must not be negative");
        }
        accessDenied = List.copyOf(Objects.requireNonNull(accessDenied, "accessDenied"));
        repeatPageTokens = repeatPageTokens == null ? Set.of() : Set.copyOf(repeatPageTokens);
    }

    /** A copy whose listed operations repeat their page tokens. */
    public FaultSettings withRepeatedPageTokens(Set<String> operations) {
        return new FaultSettings(latencyMs, latencyJitterMs, throttleRate, serverErrorRate, seed, accessDenied,
                maxInFlight, operations);
    }

    /** A copy with the given throttle rate and seed. */
    public FaultSettings withThrottling(double rate, long newSeed) {
        return new FaultSettings(latencyMs, latencyJitterMs, rate, serverErrorRate, newSeed, accessDenied,
                maxInFlight, repeatPageTokens);
    }

    /** A copy with the given server error rate. */
    public FaultSettings withServerErrors(double rate) {
        return new FaultSettings(latencyMs, latencyJitterMs, throttleRate, rate, seed, accessDenied,
                maxInFlight, repeatPageTokens);
    }

    /** A copy with the given latency. */
    public FaultSettings withLatency(long millis, long jitterMillis) {
        return new FaultSettings(millis, jitterMillis, throttleRate, serverErrorRate, seed, accessDenied,
                maxInFlight, repeatPageTokens);
    }

    /** A copy with the given access-denied rules. */
    public FaultSettings withAccessDenied(List<AccessRule> rules) {
        return new FaultSettings(latencyMs, latencyJitterMs, throttleRate, serverErrorRate, seed, rules,
                maxInFlight, repeatPageTokens);
    }

    /** A copy with the given in-flight quota (0 = unlimited). */
    public FaultSettings withMaxInFlight(int limit) {
        return new FaultSettings(latencyMs, latencyJitterMs, throttleRate, serverErrorRate, seed, accessDenied, limit,
                repeatPageTokens);
    }

    /**
     * Denies an IAM action, optionally only on resources matching an ARN glob and only in one region (as a
     * service control policy on {@code aws:RequestedRegion} does).
     *
     * @param action       IAM action name such as {@code dynamodb:GetResourcePolicy}
     * @param resourceGlob ARN pattern where {@code *} matches any run of characters; {@code null} = every resource
     * @param region       the region whose calls are denied; {@code null} = every region
     */
    public record AccessRule(String action, String resourceGlob, String region) {

        public AccessRule {
            Objects.requireNonNull(action, "action");
            if (!action.matches("[a-z0-9-]+:[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("action must look like service:Operation: " + action);
            }
        }

        /** A rule for every region. */
        public AccessRule(String action, String resourceGlob) {
            this(action, resourceGlob, null);
        }

        /** True when this rule denies {@code iamAction} on {@code resourceArn} (null = the call names no resource). */
        public boolean denies(String iamAction, String resourceArn) {
            return denies(iamAction, resourceArn, null);
        }

        /** Same, for a call signed for {@code callRegion}. */
        public boolean denies(String iamAction, String resourceArn, String callRegion) {
            if (!action.equals(iamAction)) {
                return false;
            }
            if (region != null && !region.equals(callRegion)) {
                return false;
            }
            if (resourceGlob == null || resourceGlob.equals("*")) {
                return true;
            }
            return resourceArn != null && globMatches(resourceGlob, resourceArn);
        }

        static boolean globMatches(String glob, String value) {
            String[] parts = glob.split("\\*", -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    regex.append(".*");
                }
                regex.append(java.util.regex.Pattern.quote(parts[i]));
            }
            return value.matches(regex.toString());
        }
    }
}
