package io.tablewarden.store;

/**
 * One account of a stored organisation scan and what became of it.
 *
 * @param accountId   the account
 * @param accountName its name in the organisation
 * @param unitId      the OU (or root) it sat in
 * @param unitPath    the OU names from the root down, empty directly under the root
 * @param outcome     scanned, refused, skipped or left out
 * @param scanId      its stored scan ({@link Outcome#SCANNED} only; null when that scan could not be stored)
 * @param message     why it was not scanned, or null
 */
public record OrganizationScanAccount(String accountId, String accountName, String unitId, String unitPath,
                                      Outcome outcome, Long scanId, String message) {

    /** What became of an account of the organisation. */
    public enum Outcome {
        /** Scanned: its results are in {@link #scanId()}. */
        SCANNED,
        /** Could not be scanned at all (its role could not be assumed): one account-level error. */
        ERROR,
        /** Suspended or closing: there is nothing to scan. */
        SUSPENDED,
        /** Left out by the options ({@code --accounts}, {@code --exclude-accounts}). */
        EXCLUDED,
        /** The organisation scan was cancelled before this account's scan began. */
        CANCELLED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
