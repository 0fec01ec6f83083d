package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code mopr.commands{command, outcome}}: commands handled, by command type, with outcome success or failure (a
 * domain rule refused it, or its handler failed). The rate is Prometheus' rate() over the counter.
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
            String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
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

    private void count(String command, String outcome) {
        counters.computeIfAbsent(command + "|" + outcome, k -> Counter.builder(NAME)
                .description("commands handled, by type and outcome")
                .tag("command", command).tag("outcome", outcome).register(registry)).increment();
    }
}
