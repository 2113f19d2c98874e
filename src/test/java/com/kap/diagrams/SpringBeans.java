package com.kap.diagrams;

import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/** The beans of the running application, as the engine's expressions find them. */
final class SpringBeans implements KnownBeans {

  private final ApplicationContext context;

  SpringBeans(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public boolean exists(String name) {
    return context.containsBean(name);
  }

  @Override
  public Optional<String> className(String name) {
    if (!exists(name)) {
      return Optional.empty();
    }
    Class<?> type = context.getType(name);
    return Optional.ofNullable(type).map(t -> ClassUtils.getUserClass(t).getName());
  }

  @Override
  public Object instance(String name) {
    return context.getBean(name);
  }
}
