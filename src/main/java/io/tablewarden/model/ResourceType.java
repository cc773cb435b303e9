package io.tablewarden.model;

/** Kinds of resource a check evaluates; the CloudFormation type names are what OCSF and ASFF use. */
public enum ResourceType {
    TABLE("AWS::DynamoDB::Table", "AwsDynamoDbTable"),
    DAX_CLUSTER("AWS::DAX::Cluster", "AwsDaxCluster"),
    REGION("AWS::Region", "Other");

    private final String cloudFormationType;
    private final String securityHubType;

    ResourceType(String cloudFormationType, String securityHubType) {
        this.cloudFormationType = cloudFormationType;
        this.securityHubType = securityHubType;
    }

    public String cloudFormationType() {
        return cloudFormationType;
    }

    public String securityHubType() {
        return securityHubType;
    }
}
