package io.tablewarden.publish;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The publishing client's counterpart of the scan's read-only guard: it lets exactly one operation through,
 * Security Hub's BatchImportFindings, and refuses anything else before it is signed or sent.
 */
final class PublishGuard implements ExecutionInterceptor {

    static final String SERVICE = "SecurityHub";
    static final String OPERATION = "BatchImportFindings";
    /** The IAM action the publishing statement grants, and the only write Tablewarden makes. */
    static final String IAM_ACTION = "securityhub:BatchImportFindings";

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!SERVICE.equals(service) || !OPERATION.equals(operation)) {
            throw new IllegalStateException("refused " + service + " " + operation
                    + ": publishing may only call " + IAM_ACTION);
        }
    }
}
