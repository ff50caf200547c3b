package cn.duban;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(DubanApplication.class);

    @Test
    void modulesOnlyUseEachOthersApi() {
        MODULES.forEach(System.out::println);
        MODULES.verify();
    }
}
