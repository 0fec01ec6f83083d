package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mopr.ledger.shared.CommandBatch;
import org.mopr.ledger.shared.CommandRefusedInBatch;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code mopr.commands{command, outcome}}: commands handled, by command type, with outcome success or failure (a
 * domain rule refused it, or its handler failed). The rate is Prometheus' rate() over the counter. A batch of commands
 * sent together ({@link CommandBatch}) counts as its commands, as they would have counted sent one by one: those before
 * a refused one succeeded, the refused one failed, those after it were never handled.
 */
@Component
public class CommandMetrics {

    public static final String NAME = "mopr.commands";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public CommandMetrics(MeterRegistry registry, CommandBus commandBus) {
        this.registry = registry;
        commandBus.registerHandlerInterceptor(new Interceptor());
    }

    private final class Interceptor implements MessageHandlerInterceptor<CommandMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            Object payload = unitOfWork.getMessage().getPayload();
            if (payload instanceof CommandBatch batch) {
                return handleBatch(batch.commands(), chain);
            }
            String command = payload.getClass().getSimpleName();
            try {
                Object result = chain.proceed();
                count(command, "success");
                return result;
            } catch (Exception | Error e) {
                count(command, "failure");
                throw e;
            }
        }
    }

    private Object handleBatch(List<Object> commands, InterceptorChain chain) throws Exception {
        try {
            Object result = chain.proceed();
            commands.forEach(c -> count(c.getClass().getSimpleName(), "success"));
            return result;
        } catch (Exception | Error e) {
            if (e instanceof CommandRefusedInBatch r && r.position() < commands.size()) {
                for (int i = 0; i < r.position(); i++) {
                    count(commands.get(i).getClass().getSimpleName(), "success");
                }
                count(r.commandType(), "failure");
            } else {
                // Not refused by a rule of one command (its handler failed, the store failed): all of them failed.
                commands.forEach(c -> count(c.getClass().getSimpleName(), "failure"));
            }
            throw e;
        }
    }

    private void count(String command, String outcome) {
        counters.computeIfAbsent(command + "|" + outcome, k -> Counter.builder(NAME)
                .description("commands handled, by type and outcome")
                .tag("command", command).tag("outcome", outcome).register(registry)).increment();
    }
}
