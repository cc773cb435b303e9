package io.tablewarden.model;

/**
 * The resource a result is about.
 *
 * @param arn       full ARN; for a region-wide error it is a wildcard ARN such as {@code arn:aws:dynamodb:eu-west-1:123456789012:table/*}
 * @param name      short name shown to users (table or cluster name)
 * @param type      kind of resource
 * @param region    AWS region
 * @param accountId 12-digit account id
 */
public record ResourceRef(String arn, String name, ResourceType type, String region, String accountId) {
}
