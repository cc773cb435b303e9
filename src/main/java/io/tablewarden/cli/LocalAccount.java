package io.tablewarden.cli;

import java.net.URI;

/** A running local account simulator as the commands see it. */
public interface LocalAccount extends AutoCloseable {

    /** Base URL every AWS client should use. */
    URI endpoint();

    /** A region of the served account, for the example command printed by {@code simulate}. */
    String exampleRegion();

    @Override
    void close();
}
