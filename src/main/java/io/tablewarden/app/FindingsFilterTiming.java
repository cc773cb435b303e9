package io.tablewarden.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The findings-filter figure of {@code tablewarden bench}: how long the workbench's findings table takes to filter
 * a large scan as a search is typed. The workbench provides the measurement (its own view model and predicate, the
 * code the table runs), found through {@link ServiceLoader} so that the command line does not depend on the
 * workbench's classes.
 */
public interface FindingsFilterTiming {

    /**
     * Loads {@code rows} generated results into the findings table's view model, sorts them by resource name, then
     * types {@code search} one character at a time and deletes it again, timing each change.
     */
    Figure measure(int rows, String search);

    /**
     * What one measurement took.
     *
     * @param rows          results in the table
     * @param loadMillis    loading and sorting them
     * @param keystrokes    each typed or deleted character: the text searched and the milliseconds to filter and sort
     */
    record Figure(int rows, double loadMillis, List<Keystroke> keystrokes) {
        public Figure {
            keystrokes = List.copyOf(keystrokes);
        }

        public double medianMillis() {
            List<Double> sorted = new ArrayList<>();
            keystrokes.forEach(k -> sorted.add(k.millis()));
            sorted.sort(Double::compare);
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }

        public double worstMillis() {
            return keystrokes.stream().mapToDouble(Keystroke::millis).max().orElse(0);
        }
    }

    /** One change of the search text and how long the table took to show its result. */
    record Keystroke(String text, int visible, double millis) {
    }

    /** The workbench's measurement, when this build has the workbench. */
    static Optional<FindingsFilterTiming> available() {
        return ServiceLoader.load(FindingsFilterTiming.class).findFirst();
    }
}
