package io.tablewarden.ui.mute;

import io.tablewarden.model.CheckResult;
import io.tablewarden.store.Mute;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.shell.StoreProblems;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * State of the mute dialog: one finding (its check on its resource) or the check on every resource whose ARN
 * matches a glob, a required reason and an optional last day. Saving stores the mute and republishes the current
 * scan with its mute flags read again.
 */
public final class MuteViewModel {

    /** What the mute covers. */
    public enum Scope {
        /** The check on this one resource. */
        FINDING,
        /** The check on every resource whose ARN matches {@link MuteViewModel#patternProperty()}. */
        PATTERN
    }

    private final WorkbenchContext context;
    private final Clock clock;
    private final ZoneId zone;
    private final String checkId;
    private final String resourceArn;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.FINDING);
    private final StringProperty pattern = new SimpleStringProperty();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> lastDay = new SimpleObjectProperty<>();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final StringBinding problem;
    private final BooleanBinding valid;

    public MuteViewModel(WorkbenchContext context, CheckResult finding) {
        this(context, finding, Clock.systemDefaultZone(), ZoneId.systemDefault());
    }

    /** With the clock and time zone that decide what "today" is. */
    public MuteViewModel(WorkbenchContext context, CheckResult finding, Clock clock, ZoneId zone) {
        this.context = context;
        this.clock = clock;
        this.zone = zone;
        this.checkId = finding.checkId();
        this.resourceArn = finding.resource().arn();
        pattern.set(suggestedPattern(resourceArn));
        problem = Bindings.createStringBinding(this::findProblem, scope, pattern, reason, lastDay);
        valid = problem.isEmpty();
    }

    // Properties

    /** The muted check. */
    public String checkId() {
        return checkId;
    }

    /** The muted check's title as the screens show it (its id when the check is not known). */
    public String checkTitle() {
        return titleOf(context, checkId);
    }

    /** The title of {@code id} among the context's checks, or the id itself. */
    static String titleOf(WorkbenchContext context, String id) {
        return context.checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .map(c -> c.metadata().title()).orElse(id);
    }

    /**
     * The finding's ARN on two lines broken after its last colon ("arn:aws:dynamodb:eu-west-1:111122223333:" over
     * "table/orders"), so a narrow dialog never breaks it inside a word; one line when it has no such colon.
     */
    public String resourceArnLines() {
        int colon = resourceArn.lastIndexOf(':');
        return colon <= 0 || colon == resourceArn.length() - 1 ? resourceArn
                : resourceArn.substring(0, colon + 1) + "\n" + resourceArn.substring(colon + 1);
    }

    /** The finding's resource. */
    public String resourceArn() {
        return resourceArn;
    }

    /** One finding or a pattern of resources. */
    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** Glob over resource ARNs ({@code *} any text, {@code ?} one character); used with {@link Scope#PATTERN}. */
    public StringProperty patternProperty() {
        return pattern;
    }

    /** Why the finding is accepted; required. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** The last day the mute applies (in the user's time zone), or null for no end. */
    public ObjectProperty<LocalDate> lastDayProperty() {
        return lastDay;
    }

    /** True while the mute is being stored. */
    public BooleanProperty savingProperty() {
        return saving;
    }

    /** What keeps the mute from being saved, or an empty string. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** Whether {@link #save} may be called. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /** The resource ARN or pattern the mute will hold. */
    public String resource() {
        return scope.get() == Scope.FINDING ? resourceArn : pattern.get().trim();
    }

    /** When the mute stops: the start of the day after {@link #lastDayProperty()}, or null. */
    public Instant expiresAt() {
        LocalDate day = lastDay.get();
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    // Commands

    /**
     * Opens the mute dialog for this finding and waits until it closes; the dialog stores the mute through
     * {@link #save}. Without a database the user is told why nothing can be muted, and no dialog opens.
     *
     * @return whether a mute was stored
     */
    public boolean ask() {
        if (context.store() == null) {
            context.showError("Findings cannot be muted", StoreProblems.NO_DATABASE, null);
            return false;
        }
        return context.dialogs().open(this);
    }

    /**
     * Stores the mute in the background; then republishes the current scan and calls {@code done} with the mute,
     * or shows the error and calls {@code done} with null.
     */
    public void save(Consumer<Mute> done) {
        TablewardenStore store = context.store();
        if (!valid.get() || store == null) {
            if (store == null) {
                context.showError("The mute could not be saved", StoreProblems.NO_DATABASE, null);
            }
            done.accept(null);
            return;
        }
        String resource = resource();
        String why = reason.get().trim();
        Instant expires = expiresAt();
        saving.set(true);
        context.executor().submit(() -> store.mutes().add(checkId, resource, why,
                System.getProperty("user.name"), expires), mute -> {
                    saving.set(false);
                    SnapshotRefresh.republish(context);
                    context.notify("Muted \u201c" + checkTitle() + "\u201d on " + shortName(resource));
                    done.accept(mute);
                }, failure -> {
                    saving.set(false);
                    context.showError("The mute could not be saved",
                            StoreProblems.describe("save the mute", failure), failure);
                    done.accept(null);
                });
    }

    private String findProblem() {
        if (reason.get() == null || reason.get().isBlank()) {
            return "Say why this finding is accepted.";
        }
        if (scope.get() == Scope.PATTERN && (pattern.get() == null || pattern.get().isBlank())) {
            return "Enter the ARN pattern of the resources to mute.";
        }
        LocalDate day = lastDay.get();
        if (day != null && day.isBefore(LocalDate.now(clock.withZone(zone)))) {
            return "The last day of the mute is in the past.";
        }
        return "";
    }

    /** Every table (or cluster) of the same account and region: the resource name replaced by {@code *}. */
    static String suggestedPattern(String arn) {
        int slash = arn.indexOf('/');
        return slash < 0 ? arn : arn.substring(0, slash + 1) + "*";
    }

    static String shortName(String resource) {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? resource : resource.substring(slash + 1);
    }
}
