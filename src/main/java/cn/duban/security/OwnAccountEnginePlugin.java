package cn.duban.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/** A user may read its own account and change its password, but not rename or delete itself. */
@Component
class OwnAccountEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new OwnAccountAuthorizationProvider());
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(OwnPasswordIdentityProvider.class));
    }
}
