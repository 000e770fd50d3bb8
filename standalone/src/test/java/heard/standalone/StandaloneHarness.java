package heard.standalone;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a {@link StandaloneTest} its {@link Api} and {@link Loop} on the app the suite started: in each field of
 * those types the test leaves empty, and as a test method's parameters. The clients are made once per running
 * app and shared, as they hold nothing of one test's.
 */
class StandaloneHarness implements TestInstancePostProcessor, ParameterResolver {
    private static final ExtensionContext.Namespace CLIENTS =
            ExtensionContext.Namespace.create(StandaloneHarness.class);

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws IllegalAccessException {
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && provides(field.getType())) {
                    field.setAccessible(true);
                    if (field.get(test) == null) {
                        field.set(test, client(field.getType(), context));
                    }
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return provides(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return client(parameter.getParameter().getType(), context);
    }

    private static boolean provides(Class<?> type) {
        return type == Api.class || type == Loop.class;
    }

    private static Object client(Class<?> type, ExtensionContext context) {
        int port = Integer.parseInt(SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port"));
        ExtensionContext.Store clients = context.getRoot().getStore(CLIENTS);
        Api api = clients.getOrComputeIfAbsent("api:" + port, key -> new Api(port), Api.class);
        return type == Api.class ? api : clients.getOrComputeIfAbsent("loop:" + port, key -> new Loop(api), Loop.class);
    }
}
