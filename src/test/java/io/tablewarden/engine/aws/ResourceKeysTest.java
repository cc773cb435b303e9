package io.tablewarden.engine.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.ListBackupPlansRequest;
import software.amazon.awssdk.services.dax.model.ListTagsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Resource keys and request parameters derived from modelled requests. */
class ResourceKeysTest {

    private static final String ACCOUNT = "210987654321";

    @Test
    void tablesNamedByNameGetTheirArn() {
        assertEquals("arn:aws-cn:dynamodb:cn-north-1:" + ACCOUNT + ":table/orders", ResourceKeys.of(
                "dynamodb:DescribeTable", DescribeTableRequest.builder().tableName("orders").build(), "cn-north-1",
                ACCOUNT, "aws-cn"));
        String arn = "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/orders";
        assertEquals(arn, ResourceKeys.of("dynamodb:DescribeTable",
                DescribeTableRequest.builder().tableName(arn).build(), "eu-west-1", ACCOUNT, "aws"));
        assertEquals(arn, ResourceKeys.of("dynamodb:ListTagsOfResource",
                ListTagsOfResourceRequest.builder().resourceArn(arn).nextToken("t").build(), "eu-west-1", ACCOUNT,
                "aws"));
        assertEquals("orders", ResourceKeys.of("dynamodb:DescribeTable",
                DescribeTableRequest.builder().tableName("orders").build(), "eu-west-1", null, "aws"),
                "before the account is known a name stays a name");
    }

    @Test
    void keysClustersPlansAndSelections() {
        assertEquals("arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/k1", ResourceKeys.of("kms:DescribeKey",
                DescribeKeyRequest.builder().keyId("k1").build(), "eu-west-1", ACCOUNT, "aws"));
        assertEquals("alias/x", ResourceKeys.of("kms:DescribeKey",
                DescribeKeyRequest.builder().keyId("alias/x").build(), "eu-west-1", ACCOUNT, "aws"));
        String cluster = "arn:aws:dax:eu-west-1:" + ACCOUNT + ":cache/c";
        assertEquals(cluster, ResourceKeys.of("dax:ListTags", ListTagsRequest.builder().resourceName(cluster).build(),
                "eu-west-1", ACCOUNT, "aws"));
        assertEquals("p/s", ResourceKeys.of("backup:GetBackupSelection",
                GetBackupSelectionRequest.builder().backupPlanId("p").selectionId("s").build(), "eu-west-1", ACCOUNT,
                "aws"));
    }

    @Test
    void regionWideListingsHaveNoKey() {
        assertNull(ResourceKeys.of("dynamodb:ListTables", ListTablesRequest.builder().build(), "eu-west-1", ACCOUNT,
                "aws"));
        assertNull(ResourceKeys.of("backup:ListBackupPlans", ListBackupPlansRequest.builder().build(), "eu-west-1",
                ACCOUNT, "aws"));
    }

    @Test
    void requestParametersAreTheModelledMembersOnly() {
        assertEquals("{\"MaxResults\":5,\"IncludeDeleted\":false}", RequestParameters.toJson(
                ListBackupPlansRequest.builder().includeDeleted(false).maxResults(5).build()));
        assertEquals("{}", RequestParameters.toJson(ListTablesRequest.builder().build()));
        assertEquals("{\"ResourceName\":\"x\"}",
                RequestParameters.toJson(ListTagsRequest.builder().resourceName("x").build()));
        assertEquals("{\"ByCreatedAfter\":1767225600}", RequestParameters.toJson(
                software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultRequest.builder()
                        .byCreatedAfter(Instant.ofEpochSecond(1_767_225_600)).build()));
    }
}
