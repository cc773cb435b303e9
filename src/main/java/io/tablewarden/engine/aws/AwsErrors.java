package io.tablewarden.engine.aws;

import io.tablewarden.model.CollectionError;
import io.tablewarden.model.CollectionError.Kind;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.CancellationException;

/** Turns whatever an AWS call threw into a {@link CollectionError}: the data a check or the UI needs. */
public final class AwsErrors {

    /** Local code: the endpoint refused or could not be routed to. */
    public static final String UNREACHABLE = "EndpointUnreachable";
    /** Local code: the endpoint's host name does not resolve (e.g. a service not offered in a region). */
    public static final String UNKNOWN_HOST = "UnknownEndpoint";

    private static final int MAX_MESSAGE = 300;

    /** Codes with which a region the account has not opted into answers (varies by service protocol). */
    private static final Set<String> REGION_NOT_ENABLED = Set.of(
            "UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure");

    private static final Set<String> BAD_CREDENTIALS = Set.of(
            "ExpiredToken", "ExpiredTokenException", "InvalidSignatureException", "SignatureDoesNotMatch",
            "IncompleteSignature", "MissingAuthenticationToken", "InvalidAccessKeyId", "RequestExpired");

    private AwsErrors() {
    }

    /** Classifies {@code failure} of the call that needs IAM action {@code permission}. */
    public static CollectionError toCollectionError(String permission, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof AwsServiceException) {
            AwsServiceException e = (AwsServiceException) t;
            String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                    ? e.awsErrorDetails().errorCode() : "HTTP" + e.statusCode();
            String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
            return new CollectionError(permission, code, oneLine(message), classify(code, e));
        }
        if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
            return new CollectionError(permission, "Timeout", oneLine(t.getMessage()), Kind.TIMEOUT);
        }
        if (t instanceof CancellationException || t instanceof AbortedException || t instanceof InterruptedException) {
            return new CollectionError(permission, "Cancelled", "the scan was cancelled", Kind.CANCELLED);
        }
        if (t instanceof ReadOnlyViolationException) {
            return new CollectionError(permission, "ReadOnlyViolation", oneLine(t.getMessage()), Kind.OTHER);
        }
        if (t instanceof RegionReachability.RegionUnreachableException) {
            return new CollectionError(permission, UNREACHABLE, oneLine(t.getMessage()), Kind.OTHER);
        }
        if (t instanceof SdkClientException && hasCause(t, UnknownHostException.class)) {
            return new CollectionError(permission, UNKNOWN_HOST, oneLine(rootMessage(t)), Kind.OTHER);
        }
        if (t instanceof SdkClientException && (hasCause(t, ConnectException.class)
                || hasCause(t, java.net.NoRouteToHostException.class))) {
            return new CollectionError(permission, UNREACHABLE, oneLine(rootMessage(t)), Kind.OTHER);
        }
        if (t instanceof SdkClientException && String.valueOf(t.getMessage()).contains("credentials")) {
            return new CollectionError(permission, "NoCredentials", credentialsMessage(t.getMessage()),
                    Kind.INVALID_CREDENTIALS);
        }
        return new CollectionError(permission, t.getClass().getSimpleName(), oneLine(t.getMessage()), Kind.OTHER);
    }

    /** True when the call never reached AWS (connection refused, host unknown). */
    public static boolean isUnreachable(CollectionError error) {
        return error != null && (UNREACHABLE.equals(error.errorCode()) || UNKNOWN_HOST.equals(error.errorCode()));
    }

    /** True when the error says the region is not enabled for the account. */
    public static boolean isRegionNotEnabled(CollectionError error) {
        return error != null && REGION_NOT_ENABLED.contains(error.errorCode());
    }

    private static Kind classify(String code, AwsServiceException e) {
        if (code.startsWith("AccessDenied") || code.equals("UnauthorizedOperation") || code.equals("AuthorizationError")
                || e.statusCode() == 403 && !BAD_CREDENTIALS.contains(code) && !REGION_NOT_ENABLED.contains(code)) {
            return Kind.ACCESS_DENIED;
        }
        if (e.isThrottlingException() || code.contains("Throttl") || code.equals("ProvisionedThroughputExceededException")
                || code.equals("TooManyRequestsException") || code.equals("RequestLimitExceeded")) {
            return Kind.THROTTLED;
        }
        if (REGION_NOT_ENABLED.contains(code) || BAD_CREDENTIALS.contains(code)) {
            return Kind.INVALID_CREDENTIALS;
        }
        if (code.contains("NotFound")) {
            return Kind.NOT_FOUND;
        }
        if (e.statusCode() >= 500) {
            return Kind.SERVER_ERROR;
        }
        return Kind.OTHER;
    }

    /**
     * The SDK explains a missing credential with a dump of its provider chain or of the whole profile file
     * (profile and property names, not values); the user needs the reason, not the dump.
     */
    static String credentialsMessage(String sdkMessage) {
        String message = String.valueOf(sdkMessage);
        if (message.startsWith("Unable to load credentials from any of the providers in the chain")) {
            return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, configure the"
                    + " default profile, name a profile, or run where a role provides credentials";
        }
        int dump = message.indexOf(": ProfileFile(");
        return oneLine(dump < 0 ? message : message.substring(0, dump));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + m;
    }

    /** AWS messages sometimes span lines or carry SDK hints; keep one short line. */
    public static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE - 1) + "…" : line;
    }
}
