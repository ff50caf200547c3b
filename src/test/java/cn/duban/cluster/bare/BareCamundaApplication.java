package cn.duban.cluster.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bare engine for comparisons: Camunda 7's Spring Boot starter with webapps and REST, nothing of Duban, on the
 * same PostgreSQL (settings in {@code bare-camunda.yaml}).
 */
@SpringBootApplication
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }
}
