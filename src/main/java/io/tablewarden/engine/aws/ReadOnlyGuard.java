package io.tablewarden.engine.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Refuses, before anything is signed or sent, every call that is not on the {@link ReadOnlyAllowlist}.
 * Registered on every client the factory builds, so a coding mistake can never modify an audited account.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (ReadOnlyAllowlist.find(service, operation).isEmpty()) {
            throw new ReadOnlyViolationException(service, operation);
        }
    }
}
