package io.tablewarden.ui.scan;

import io.tablewarden.engine.checks.Check;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.List;

/** The selectable items of the scan page: regions and checks, each with its own selected flag. */
public final class ScanChoices {

    /** The AWS commercial regions offered before discovery narrows them to the account's. */
    public static final List<String> KNOWN_REGIONS = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "sa-east-1",
            "mx-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1",
            "eu-south-1", "eu-south-2", "il-central-1", "me-south-1", "me-central-1", "af-south-1",
            "ap-east-1", "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-7");

    /** Group label of checks that no Security Hub control covers. */
    public static final String NO_CONTROL = "Other checks";

    private ScanChoices() {
    }

    /** One region and whether it is scanned. */
    public static final class RegionChoice {
        private final String name;
        private final BooleanProperty selected = new SimpleBooleanProperty();

        public RegionChoice(String name, boolean selected) {
            this.name = name;
            this.selected.set(selected);
        }

        public String name() {
            return name;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One check, its Security Hub control (the group it is shown in) and whether it runs. */
    public static final class CheckChoice {
        private final String id;
        private final String title;
        private final String group;
        private final BooleanProperty selected = new SimpleBooleanProperty(true);

        public CheckChoice(Check check) {
            this.id = check.id();
            this.title = check.metadata().title();
            String control = check.metadata().securityHubControl();
            this.group = control == null || control.isBlank() ? NO_CONTROL : control;
        }

        public String id() {
            return id;
        }

        public String title() {
            return title;
        }

        /** The Security Hub control, or {@link #NO_CONTROL}. */
        public String group() {
            return group;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
