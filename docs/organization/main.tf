# Terraform module: the Tablewarden audit role in every member account of an organisation, through a
# service-managed CloudFormation StackSet (audit-role-stackset.yaml next to this file). Apply it with the
# management account's credentials (or a delegated StackSets administrator's, with call_as = "DELEGATED_ADMIN");
# accounts that join the targeted OUs later get the role automatically.
#
#   module "tablewarden_audit_role" {
#     source                  = "./docs/organization"
#     auditor_account_id      = "111122223333"
#     organizational_unit_ids = ["r-a1b2"]   # the root: every member
#   }

variable "auditor_account_id" {
  description = "The account whose identity scans: the management account, or a delegated security account."
  type        = string
}

variable "organizational_unit_ids" {
  description = "The OUs (or the root, r-...) whose member accounts get the role."
  type        = list(string)
}

variable "external_id" {
  description = "Optional secret the scan must present (tablewarden scan --external-id); empty for none."
  type        = string
  default     = ""
  sensitive   = true
}

variable "role_name" {
  description = "The role's name in every member (tablewarden scan --role-name)."
  type        = string
  default     = "TablewardenAudit"
}

variable "call_as" {
  description = "SELF from the management account, DELEGATED_ADMIN from a delegated StackSets administrator."
  type        = string
  default     = "SELF"
}

data "aws_region" "current" {}

resource "aws_cloudformation_stack_set" "tablewarden_audit_role" {
  name             = "tablewarden-audit-role"
  description      = "Read-only Tablewarden audit role in every member account"
  permission_model = "SERVICE_MANAGED"
  call_as          = var.call_as
  capabilities     = ["CAPABILITY_NAMED_IAM"]
  template_body    = file("${path.module}/audit-role-stackset.yaml")

  parameters = {
    AuditorAccountId = var.auditor_account_id
    ExternalId       = var.external_id
    RoleName         = var.role_name
  }

  auto_deployment {
    enabled                          = true
    retain_stacks_on_account_removal = false
  }

  lifecycle {
    # AWS fills this in for a service-managed StackSet.
    ignore_changes = [administration_role_arn]
  }
}

# IAM is global: one stack instance per account, in this provider's region, is enough.
resource "aws_cloudformation_stack_set_instance" "members" {
  stack_set_name = aws_cloudformation_stack_set.tablewarden_audit_role.name
  call_as        = var.call_as
  region         = data.aws_region.current.name

  deployment_targets {
    organizational_unit_ids = var.organizational_unit_ids
  }
}

output "role_name" {
  description = "Pass it to tablewarden scan --role-name."
  value       = var.role_name
}
