# Read-only audit role for Tablewarden: the client applies it in the account to audit; the consultant's
# account assumes it with the agreed external id. It grants only the read calls Tablewarden makes.

variable "consultant_account_id" {
  description = "The AWS account id the consultant works from."
  type        = string
}

variable "external_id" {
  description = "A secret agreed with the consultant, against the confused-deputy problem."
  type        = string
  sensitive   = true
}

variable "role_name" {
  type    = string
  default = "TablewardenAudit"
}

data "aws_partition" "current" {}

data "aws_iam_policy_document" "trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${var.consultant_account_id}:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.external_id]
    }
  }
}

resource "aws_iam_role" "tablewarden_audit" {
  name                 = var.role_name
  description          = "Read-only access for a Tablewarden DynamoDB and DAX audit"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 14400
}

# The same document as docs/iam-policy.json (a test keeps them in step).
resource "aws_iam_role_policy" "tablewarden_read_only" {
  name   = "TablewardenReadOnly"
  role   = aws_iam_role.tablewarden_audit.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "RegionDiscovery",
          "Effect": "Allow",
          "Action": "ec2:DescribeRegions",
          "Resource": "*"
        },
        {
          "Sid": "AccountAlias",
          "Effect": "Allow",
          "Action": "iam:ListAccountAliases",
          "Resource": "*"
        },
        {
          "Sid": "DynamoDBList",
          "Effect": "Allow",
          "Action": "dynamodb:ListTables",
          "Resource": "*"
        },
        {
          "Sid": "DynamoDBTableRead",
          "Effect": "Allow",
          "Action": [
            "dynamodb:DescribeTable",
            "dynamodb:DescribeContinuousBackups",
            "dynamodb:GetResourcePolicy",
            "dynamodb:ListTagsOfResource"
          ],
          "Resource": "arn:*:dynamodb:*:*:table/*"
        },
        {
          "Sid": "TagsRead",
          "Effect": "Allow",
          "Action": "tag:GetResources",
          "Resource": "*"
        },
        {
          "Sid": "AutoScalingRead",
          "Effect": "Allow",
          "Action": [
            "application-autoscaling:DescribeScalableTargets",
            "application-autoscaling:DescribeScalingPolicies"
          ],
          "Resource": "*"
        },
        {
          "Sid": "BackupRead",
          "Effect": "Allow",
          "Action": [
            "backup:DescribeRegionSettings",
            "backup:ListBackupPlans",
            "backup:GetBackupPlan",
            "backup:ListBackupSelections",
            "backup:GetBackupSelection",
            "backup:DescribeBackupVault",
            "backup:ListRecoveryPointsByResource",
            "backup:ListRecoveryPointsByBackupVault"
          ],
          "Resource": "*"
        },
        {
          "Sid": "DaxRead",
          "Effect": "Allow",
          "Action": [
            "dax:DescribeClusters",
            "dax:ListTags"
          ],
          "Resource": "*"
        },
        {
          "Sid": "KmsKeyMetadata",
          "Effect": "Allow",
          "Action": [
            "kms:DescribeKey",
            "kms:GetKeyRotationStatus"
          ],
          "Resource": "arn:*:kms:*:*:key/*"
        },
        {
          "Sid": "KmsAliasNames",
          "Effect": "Allow",
          "Action": "kms:ListAliases",
          "Resource": "*"
        }
      ]
    }
  EOT
}

output "role_arn" {
  description = "Give this ARN and the external id to the consultant (role_arn and external_id in their profile)."
  value       = aws_iam_role.tablewarden_audit.arn
}
