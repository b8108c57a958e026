package io.rollcheck.webui.server;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micronaut.context.ApplicationContext;

import java.util.stream.Stream;

/**
 * Vaadin asks this for views and components: classes of this application that are Micronaut beans
 * (views are {@code @Prototype} beans with constructor injection) come from the context; anything
 * else is made the default way.
 */
final class MicronautInstantiator extends DefaultInstantiator {

    private static final String OURS = "io.rollcheck.";

    private final transient ApplicationContext context;

    MicronautInstantiator(VaadinService service, ApplicationContext context) {
        super(service);
        this.context = context;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        if (type.getName().startsWith(OURS) && context.containsBean(type)) {
            return context.getBean(type);
        }
        return super.getOrCreate(type);
    }

    @Override
    public <T extends Component> T createComponent(Class<T> type) {
        return getOrCreate(type);
    }

    @Override
    public Stream<VaadinServiceInitListener> getServiceInitListeners() {
        return Stream.concat(super.getServiceInitListeners(), context.getBeansOfType(VaadinServiceInitListener.class).stream());
    }

    @Override
    public I18NProvider getI18NProvider() {
        return context.getBean(I18NProvider.class);
    }
}
