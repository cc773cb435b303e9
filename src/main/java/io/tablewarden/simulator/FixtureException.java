package io.tablewarden.simulator;

/**
 * A fixture that cannot be served; the message starts with the JSON path of the problem, e.g.
 * {@code $.regions.us-east-1.dynamodb.tables[3].Table.TableName}. It is an {@link java.io.IOException} because a
 * broken fixture file is one more way of failing to read the account, which lets the start methods declare only
 * {@code IOException}.
 */
public final class FixtureException extends java.io.IOException {

    private final String jsonPath;

    public FixtureException(String jsonPath, String problem) {
        super(jsonPath + ": " + problem);
        this.jsonPath = jsonPath;
    }

    public String jsonPath() {
        return jsonPath;
    }
}
