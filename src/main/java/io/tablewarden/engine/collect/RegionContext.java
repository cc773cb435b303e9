package io.tablewarden.engine.collect;

import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.model.Fetch;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a collector needs to work in one region: the clients, the scan-wide call gate, the account's
 * identity (to build ARNs) and a sink for "what is happening now" progress text.
 *
 * @param region    region name
 * @param accountId audited account
 * @param partition aws, aws-cn or aws-us-gov
 * @param clients   client factory of the scan
 * @param gate      the scan's call gate
 * @param activity  receives e.g. {@code "DescribeTable orders"} before a call
 */
public record RegionContext(String region, String accountId, String partition, AwsClientFactory clients,
                            CallGate gate, Consumer<String> activity) {

    /** Runs one call through the gate, reporting it as activity first. */
    public <T> Fetch<T> fetch(String iamAction, String subject, Supplier<T> call) {
        report(iamAction, subject);
        return gate.fetch(iamAction, call);
    }

    /** Like {@link #fetch} but lets the exception through, for calls whose "error" is an answer. */
    public <T> T call(String iamAction, String subject, Supplier<T> call) throws InterruptedException {
        report(iamAction, subject);
        return gate.call(iamAction, call);
    }

    /** Reads every page of a listing through the gate, reporting each page as activity (see {@link Pages}). */
    public <T> Pages.Listing<T> list(String iamAction, String subject, Pages.PageCall<T> call) {
        return Pages.follow(gate, iamAction, () -> report(iamAction, subject), call);
    }

    /** {@link #list} for a listing whose responses map one-to-one onto items. */
    public <P, T> Pages.Listing<T> list(String iamAction, String subject, java.util.function.Function<String, P> page,
                                        java.util.function.Function<P, List<? extends T>> items,
                                        java.util.function.Function<P, String> nextToken) {
        return Pages.follow(gate, iamAction, () -> report(iamAction, subject), page, items, nextToken);
    }

    private void report(String iamAction, String subject) {
        String operation = iamAction.substring(iamAction.indexOf(':') + 1);
        activity.accept(subject == null || subject.isEmpty() ? operation : operation + " " + subject);
    }

    /** ARN of a table from its name, for when DescribeTable did not answer. */
    public String tableArn(String tableName) {
        return "arn:" + partition + ":dynamodb:" + region + ":" + accountId + ":table/" + tableName;
    }
}
