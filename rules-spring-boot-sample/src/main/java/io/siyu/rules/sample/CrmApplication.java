package io.siyu.rules.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small CRM-like service on the Gaozi rule pack: the starter (rules-spring-boot-starter) sets up the pack, the
 * funnel on the service's database, health, info and metrics; {@link CrmController} is the whole service.
 */
@SpringBootApplication
public class CrmApplication {
    /**
     * Starts the service.
     *
     * @param args Spring Boot's arguments, e.g. {@code --server.port=8080}
     */
    public static void main(String[] args) {
        SpringApplication.run(CrmApplication.class, args);
    }
}
