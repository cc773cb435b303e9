package io.tablewarden.engine.aws;

import io.tablewarden.model.CollectionError;
import io.tablewarden.model.CollectionError.Kind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsErrorsTest {

    private static AwsServiceException service(String code, int status, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private static Kind kind(Throwable t) {
        return AwsErrors.toCollectionError("dynamodb:DescribeTable", t).kind();
    }

    @Test
    void classifiesServiceErrors() {
        assertEquals(Kind.ACCESS_DENIED, kind(service("AccessDeniedException", 400, "no")));
        assertEquals(Kind.ACCESS_DENIED, kind(service("UnauthorizedOperation", 403, "no")));
        assertEquals(Kind.THROTTLED, kind(service("ThrottlingException", 400, "slow down")));
        assertEquals(Kind.THROTTLED, kind(service("ProvisionedThroughputExceededException", 400, "slow down")));
        assertEquals(Kind.NOT_FOUND, kind(service("ResourceNotFoundException", 400, "gone")));
        assertEquals(Kind.INVALID_CREDENTIALS, kind(service("ExpiredTokenException", 400, "expired")));
        assertEquals(Kind.SERVER_ERROR, kind(service("InternalServerError", 500, "oops")));
    }

    @Test
    void keepsCodeAndPermissionAndOneLineMessage() {
        CollectionError e = AwsErrors.toCollectionError("kms:DescribeKey",
                service("AccessDeniedException", 400, "User x is not\nauthorized"));
        assertEquals("kms:DescribeKey", e.permission());
        assertEquals("AccessDeniedException", e.errorCode());
        assertEquals("User x is not authorized", e.message());
    }

    @Test
    void recognisesDisabledRegions() {
        assertTrue(AwsErrors.isRegionNotEnabled(
                AwsErrors.toCollectionError("dynamodb:ListTables", service("UnrecognizedClientException", 400, "x"))));
        assertTrue(AwsErrors.isRegionNotEnabled(
                AwsErrors.toCollectionError("ec2:DescribeRegions", service("AuthFailure", 401, "x"))));
        assertFalse(AwsErrors.isRegionNotEnabled(
                AwsErrors.toCollectionError("dynamodb:ListTables", service("AccessDeniedException", 400, "x"))));
    }

    @Test
    void classifiesLocalFailures() {
        assertEquals(Kind.TIMEOUT, kind(ApiCallAttemptTimeoutException.create(1000)));
        assertEquals(Kind.CANCELLED, kind(new CancellationException("stop")));
        CollectionError refused = AwsErrors.toCollectionError("sts:GetCallerIdentity",
                SdkClientException.create("Unable to execute HTTP request", new ConnectException("Connection refused")));
        assertEquals(AwsErrors.UNREACHABLE, refused.errorCode());
        assertTrue(AwsErrors.isUnreachable(refused));
        CollectionError unknown = AwsErrors.toCollectionError("dax:DescribeClusters",
                SdkClientException.create("Unable to execute HTTP request", new UnknownHostException("dax.xx")));
        assertEquals(AwsErrors.UNKNOWN_HOST, unknown.errorCode());
    }

    @Test
    void missingCredentialsAreExplainedWithoutTheSdksDump() {
        CollectionError chain = AwsErrors.toCollectionError("sts:GetCallerIdentity", SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
                        + "credentialsProviders=[SystemPropertyCredentialsProvider(), ProfileCredentialsProvider("
                        + "profileName=default, profileFile=ProfileFile(sections=[])), ...]) : [...]"));
        assertEquals("NoCredentials", chain.errorCode());
        assertEquals(Kind.INVALID_CREDENTIALS, chain.kind());
        assertTrue(chain.message().startsWith("no AWS credentials found"), chain.message());
        assertFalse(chain.message().contains("Provider"), chain.message());

        CollectionError profile = AwsErrors.toCollectionError("sts:GetCallerIdentity", SdkClientException.create(
                "Profile file contained no credentials for profile 'nope': ProfileFile(sections=[profiles],"
                        + " profiles=[Profile(name=other, properties=[aws_access_key_id, aws_secret_access_key])])"));
        assertEquals("Profile file contained no credentials for profile 'nope'", profile.message());
    }
}
