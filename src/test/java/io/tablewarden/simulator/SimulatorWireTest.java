package io.tablewarden.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wire details that the SDK hides: raw requests as other clients (such as the AWS CLI) send them. */
class SimulatorWireTest {

    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261122/us-east-1/%s/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=00";

    private static AccountSimulator sim;
    private static HttpClient http;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = SimulatorTestSupport.start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    private static HttpResponse<String> post(String service, String contentType, String target, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(sim.endpoint().resolve("/"))
                .header("Authorization", String.format(AUTH, service))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void dynamoDbAnswersCarryARequestIdAndABodyChecksum() throws Exception {
        HttpResponse<String> r = post("dynamodb", "application/x-amz-json-1.0", "DynamoDB_20120810.ListTables", "{}");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("x-amzn-RequestId").isPresent());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Long.toString(crc.getValue()), r.headers().firstValue("x-amz-crc32").orElse("missing"));
        assertEquals("application/x-amz-json-1.0", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().startsWith("{\"TableNames\":[\"alpha\",\"beta\"]"), r.body());
    }

    @Test
    void unknownFixtureMembersReachTheWire() throws Exception {
        HttpResponse<String> r = post("dynamodb", "application/x-amz-json-1.0", "DynamoDB_20120810.DescribeTable",
                "{\"TableName\":\"orders\"}");
        assertTrue(r.body().contains("\"FutureMember\":{\"Nested\":[1,2,3]}"), r.body());
        assertTrue(r.body().contains("\"CreationDateTime\":1735689600"), r.body());
    }

    @Test
    void unknownJsonOperations() throws Exception {
        HttpResponse<String> ddb = post("dynamodb", "application/x-amz-json-1.0", "DynamoDB_20120810.PutItem", "{}");
        assertEquals(400, ddb.statusCode());
        assertTrue(ddb.body().contains("\"__type\":\"com.amazonaws.dynamodb.v20120810#UnknownOperationException\""), ddb.body());
        HttpResponse<String> kms = post("kms", "application/x-amz-json-1.1", "TrentService.ScheduleKeyDeletion", "{}");
        assertTrue(kms.body().contains("\"__type\":\"UnknownOperationException\""), kms.body());
    }

    @Test
    void unknownQueryActions() throws Exception {
        HttpResponse<String> sts = post("sts", "application/x-www-form-urlencoded", null, "Action=AssumeRoleWithSAML&Version=2011-06-15");
        assertEquals(400, sts.statusCode());
        assertTrue(sts.body().contains("<Code>InvalidAction</Code>"), sts.body());
        assertTrue(sts.body().startsWith("<ErrorResponse"), sts.body());
        HttpResponse<String> ec2 = post("ec2", "application/x-www-form-urlencoded", null, "Action=RunInstances&Version=2016-11-15");
        assertTrue(ec2.body().contains("<Response><Errors><Error><Code>InvalidAction</Code>"), ec2.body());
    }

    @Test
    void unknownBackupRoute() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(sim.endpoint().resolve("/backup/jobs/"))
                .header("Authorization", String.format(AUTH, "backup")).GET().build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertEquals("UnknownOperationException", r.headers().firstValue("x-amzn-ErrorType").orElse(""));
    }

    @Test
    void requestsNoServiceAnswersAreRefused() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(sim.endpoint().resolve("/some/%22path"))
                .header("Authorization", String.format(AUTH, "s3")).GET().build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("\"message\":\"no simulated AWS service answers GET /some/%22path\""), r.body());
        assertEquals(1, sim.requestCount("unknown:Unknown"));
    }

    @Test
    void stsFormRequestAsTheCliSendsIt() throws Exception {
        HttpResponse<String> r = post("sts", "application/x-www-form-urlencoded; charset=utf-8", null,
                "Action=GetCallerIdentity&Version=2011-06-15");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<Account>123456789012</Account>"), r.body());
        assertTrue(r.body().contains("xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\""), r.body());
    }

    @Test
    void unsignedRequestsAreRefused() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.endpoint() + "/"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("UnrecognizedClientException"), r.body());
    }

    @Test
    void backupLabelsAreDecoded() throws Exception {
        String arn = "arn%3Aaws%3Adynamodb%3Aus-east-1%3A123456789012%3Atable%2Falpha";
        HttpRequest req = HttpRequest.newBuilder(sim.endpoint().resolve("/resources/" + arn + "/recovery-points/"))
                .header("Authorization", String.format(AUTH, "backup")).GET().build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("rp-a"), r.body());
        assertFalse(r.body().contains("ResourceArn"), r.body());
    }
}
