package dev.bootplan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BootPlanApplication {

    public static void main(String[] args) {
        SpringApplication.run(BootPlanApplication.class, args);
    }
}
