package dev.packinspector.differential;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives test methods the run's {@link RealStores}, kept in the root context so that all test classes share one set of stores. */
final class RealStoresExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealStoresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealStores.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // get-then-put rather than computeIfAbsent: the fuzz profile compiles these sources against JUnit 5.11, which lacks it
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        synchronized (RealStoresExtension.class) {
            RealStores stores = store.get(RealStores.class, RealStores.class);
            if (stores == null) {
                stores = new RealStores();
                store.put(RealStores.class, stores);
            }
            return stores;
        }
    }
}
