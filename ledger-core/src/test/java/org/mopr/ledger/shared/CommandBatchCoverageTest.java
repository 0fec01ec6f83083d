package org.mopr.ledger.shared;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every aggregate takes a batch of commands sent together, and its batch dispatch lists exactly its command
 * handlers: a new command cannot be left out of batches (it would be refused in one), nor listed without a handler.
 */
class CommandBatchCoverageTest {

    @Test
    void everyAggregatesBatchDispatchCoversEachOfItsCommandHandlers() throws Exception {
        List<Class<?>> aggregates = aggregates();
        assertThat(aggregates).extracting(Class::getSimpleName)
                .contains("NationalSection", "Fund", "Organisation", "Patronage");
        for (Class<?> aggregate : aggregates) {
            Set<Class<?>> handled = new HashSet<>();
            List<Class<?>> batches = new ArrayList<>();
            for (Method m : aggregate.getDeclaredMethods()) {
                if (m.isAnnotationPresent(CommandHandler.class)) {
                    Class<?> command = m.getParameterTypes()[0];
                    (CommandBatch.class.isAssignableFrom(command) ? batches : handled).add(command);
                }
            }
            assertThat(batches).as(aggregate.getSimpleName() + "'s batch handlers").hasSize(1);
            assertThat(dispatch(aggregate).types()).as(aggregate.getSimpleName() + "'s batch dispatch")
                    .containsExactlyInAnyOrderElementsOf(handled);
        }
    }

    private static BatchDispatch<?> dispatch(Class<?> aggregate) throws IllegalAccessException {
        for (Field f : aggregate.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == BatchDispatch.class) {
                f.setAccessible(true);
                return (BatchDispatch<?>) f.get(null);
            }
        }
        throw new AssertionError(aggregate.getSimpleName() + " has no BatchDispatch");
    }

    /** Every @AggregateRoot among ledger-core's compiled classes. */
    private static List<Class<?>> aggregates() throws IOException, URISyntaxException {
        Path root = Path.of(BatchDispatch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, CommandBatchCoverageTest.class.getClassLoader());
                    if (type.isAnnotationPresent(AggregateRoot.class)) {
                        found.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        return found;
    }
}
