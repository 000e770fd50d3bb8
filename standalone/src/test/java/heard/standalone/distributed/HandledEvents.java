package heard.standalone.distributed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Added to a query side under test: which events each of its processors handed to its handlers. */
@Configuration(proxyBeanMethods = false)
class HandledEvents {
    private final Map<String, List<String>> byProcessor = new ConcurrentHashMap<>();

    @Autowired
    void count(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> (unitOfWork, chain) -> {
            byProcessor.computeIfAbsent(processor, p -> new CopyOnWriteArrayList<>())
                    .add(unitOfWork.getMessage().getIdentifier());
            return chain.proceed();
        });
    }

    List<String> by(String processor) {
        return byProcessor.getOrDefault(processor, List.of());
    }
}
