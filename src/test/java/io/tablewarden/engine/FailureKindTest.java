package io.tablewarden.engine;

import io.tablewarden.engine.aws.credentials.MfaCodeRequiredException;
import io.tablewarden.engine.aws.credentials.ProfileCredentialsException;
import io.tablewarden.engine.aws.credentials.SsoLoginRequiredException;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.CollectionError.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FailureKindTest {

    private static CollectionError error(String code, Kind kind) {
        return new CollectionError("sts:GetCallerIdentity", code, "message", kind);
    }

    @Test
    void failedCallsAreClassifiedByCodeAndKindNotByWords() {
        assertEquals(FailureKind.EXPIRED_CREDENTIALS, FailureKind.of(error("ExpiredToken", Kind.INVALID_CREDENTIALS)));
        assertEquals(FailureKind.EXPIRED_CREDENTIALS, FailureKind.of(error("RequestExpired", Kind.INVALID_CREDENTIALS)));
        assertEquals(FailureKind.REFUSED_KEYS, FailureKind.of(error("InvalidClientTokenId", Kind.INVALID_CREDENTIALS)));
        assertEquals(FailureKind.REFUSED_KEYS, FailureKind.of(error("SignatureDoesNotMatch", Kind.INVALID_CREDENTIALS)));
        assertEquals(FailureKind.MFA_NEEDED, FailureKind.of(error("MfaCodeRequiredException", Kind.OTHER)));
        assertEquals(FailureKind.EXPIRED_CREDENTIALS, FailureKind.of(error("SsoLoginRequiredException", Kind.OTHER)));
        assertEquals(FailureKind.INCOMPLETE_PROFILE, FailureKind.of(error("NoCredentials", Kind.INVALID_CREDENTIALS)));
        assertEquals(FailureKind.ACCESS_DENIED, FailureKind.of(error("AccessDenied", Kind.ACCESS_DENIED)));
        assertEquals(FailureKind.THROTTLED, FailureKind.of(error("Throttling", Kind.THROTTLED)));
        assertEquals(FailureKind.NETWORK, FailureKind.of(error("Timeout", Kind.TIMEOUT)));
        assertEquals(FailureKind.NETWORK, FailureKind.of(error("EndpointUnreachable", Kind.OTHER)));
        assertEquals(FailureKind.OTHER, FailureKind.of(error("InternalFailure", Kind.SERVER_ERROR)));
    }

    @Test
    void profileProblemsAreFoundAmongTheCauses() {
        assertEquals(FailureKind.MFA_NEEDED, FailureKind.of(new RuntimeException(
                new MfaCodeRequiredException("p", "needs a code", false))));
        assertEquals(FailureKind.EXPIRED_CREDENTIALS, FailureKind.of(new SsoLoginRequiredException("p", "sign in")));
        assertEquals(FailureKind.INCOMPLETE_PROFILE, FailureKind.of(new ProfileCredentialsException("p", "missing")));
        assertEquals(FailureKind.OTHER, FailureKind.of(new IllegalStateException("boom")));
    }

    @Test
    void onlyAFailedOutcomeHasAKind() {
        assertEquals(FailureKind.OTHER, new ScanOutcome(ScanOutcome.ScanState.FAILED, null, java.util.List.of(), null,
                "why").failureKind());
        assertNull(new ScanOutcome(ScanOutcome.ScanState.COMPLETED, null, java.util.List.of(), null, null,
                FailureKind.NETWORK).failureKind());
    }
}
