package com.kap.platform.engineguard;

import java.util.Map;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.ApplicationContextElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.test.mock.MockElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Camunda's {@link SpringExpressionManager} with one change: a name that is a Spring bean resolves to the bean even
 * when a process variable of that name exists. Camunda asks the variables first, so a variable named like a delegate
 * ({@code registerBid}, {@code bidEligibilityInputs}) replaced KAP's code in {@code ${registerBid}} with whatever the
 * variable held. Names that are no bean (the variables the diagrams read: {@code scorer}, {@code qualityPassed}…)
 * still resolve to variables; {@code execution} and {@code task} stay the engine's.
 */
public class BeansFirstExpressionManager extends SpringExpressionManager {

  public BeansFirstExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
    super(applicationContext, beans);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(beans != null ? new ReadOnlyMapELResolver(beans) : new ApplicationContextElResolver(applicationContext));
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new MockElResolver());
    resolver.add(new ArrayELResolver());
    resolver.add(new ListELResolver());
    resolver.add(new MapELResolver());
    resolver.add(new BeanELResolver());
    return resolver;
  }
}
