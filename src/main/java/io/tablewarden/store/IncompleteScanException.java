package io.tablewarden.store;

/**
 * A scan ran to its end but not all of its results could be stored; its row says {@code incomplete} with the
 * reason, so no report, history or comparison takes it for whole. The live results are unaffected: a front end
 * still writes its report and warns with this message.
 */
public final class IncompleteScanException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient ScanSummary summary;

    public IncompleteScanException(ScanSummary summary, Throwable cause) {
        super("scan " + summary.id() + " is stored as " + summary.state().dbValue() + ": "
                + summary.failureReason(), cause);
        this.summary = summary;
    }

    /** The scan as stored. */
    public ScanSummary summary() {
        return summary;
    }
}
