package org.mopr.ledger.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drops the databases a test class made, once the class (its own @AfterAll included) has ended, so a run of the
 * suite leaves the server as it found it. Registered for every test class through the ServiceLoader (see
 * junit-platform.properties).
 */
public final class DropTestDatabases implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass().getEnclosingClass() == null) {
            TestPostgres.dropClassDatabases();
        }
    }
}
