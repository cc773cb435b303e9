package io.tablewarden.engine.collect;

import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Follows a paginated listing page by page, each page one call through the scan's {@link CallGate} (so each
 * page is retried on its own and a throttled page never costs the pages before it).
 *
 * <p>A listing never loops: a service that hands back a page token it already gave (moto does so for
 * Application Auto Scaling past 100 targets) or a listing longer than {@link #MAX_PAGES} pages stops with an
 * error naming the call, instead of hanging the scan. The SDK's own paginators follow any token forever, which
 * is why the collectors do not use them.
 */
public final class Pages {

    /** Pages one listing may take: at AWS's smallest page sizes still hundreds of thousands of items. */
    public static final int MAX_PAGES = 10_000;
    /** Error code of a listing stopped because the service repeated a page token. */
    public static final String REPEATED_TOKEN = "RepeatedPageToken";
    /** Error code of a listing stopped after {@link #MAX_PAGES} pages. */
    public static final String PAGE_BUDGET = "PageBudgetExceeded";

    /** The items of one page and the token of the next ({@code null} or empty: the last page). */
    @FunctionalInterface
    public interface PageCall<T> {
        /**
         * @param token the page token, null for the first page
         * @param items receives the page's items
         * @return the next page's token, or null
         */
        String fetch(String token, List<T> items);
    }

    /**
     * What a listing read: every item, or the items read before it failed and the error.
     *
     * @param items items in the order AWS gave them
     * @param error why the listing stopped early, or null when it read every page
     * @param pages pages read
     */
    public record Listing<T>(List<T> items, CollectionError error, int pages) {

        public Listing {
            items = List.copyOf(items);
        }

        /** All or nothing: the items when every page was read, else the error alone. */
        public Fetch<List<T>> whole() {
            return error == null ? Fetch.ok(items) : Fetch.failed(error);
        }

        /**
         * The items read, marked partial when a later page failed: for the listings that name resources
         * (tables, DAX clusters), whose items each get their own results.
         */
        public Fetch<List<T>> keepingWhatWasRead() {
            if (error == null) {
                return Fetch.ok(items);
            }
            return pages == 0 ? Fetch.failed(error) : Fetch.partial(items, error);
        }
    }

    private Pages() {
    }

    /**
     * Reads every page of {@code call}, which needs IAM action {@code iamAction}.
     *
     * @param activity reported before each page, as for any other call
     */
    public static <T> Listing<T> follow(CallGate gate, String iamAction, Runnable activity, PageCall<T> call) {
        List<T> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        while (true) {
            if (pages == MAX_PAGES) {
                return new Listing<>(items, new CollectionError(iamAction, PAGE_BUDGET, "the listing was stopped"
                        + " after " + MAX_PAGES + " pages (" + items.size() + " items)", CollectionError.Kind.OTHER),
                        pages);
            }
            String current = token;
            List<T> page = new ArrayList<>();
            String next;
            try {
                activity.run();
                next = gate.call(iamAction, () -> call.fetch(current, page));
            } catch (RuntimeException e) {
                return new Listing<>(items, gate.record(AwsErrors.toCollectionError(iamAction, e)), pages);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Listing<>(items, CallGate.cancelled(iamAction), pages);
            }
            items.addAll(page);
            pages++;
            if (next == null || next.isEmpty()) {
                return new Listing<>(items, null, pages);
            }
            if (!seen.add(next)) {
                return new Listing<>(items, new CollectionError(iamAction, REPEATED_TOKEN, "the service returned"
                        + " a page token it had already given after " + pages + " pages (" + items.size()
                        + " items); the listing was stopped instead of looping", CollectionError.Kind.OTHER), pages);
            }
            token = next;
        }
    }

    /** {@link #follow} for a listing whose pages map one-to-one onto items. */
    public static <P, T> Listing<T> follow(CallGate gate, String iamAction, Runnable activity,
                                           Function<String, P> page, Function<P, List<? extends T>> items,
                                           Function<P, String> nextToken) {
        return follow(gate, iamAction, activity, (token, out) -> {
            P response = page.apply(token);
            out.addAll(items.apply(response));
            return nextToken.apply(response);
        });
    }
}
