package dev.bootplan;

import dev.bootplan.cli.BootPlanCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BootPlanApplication {

    /** With a command ({@code evaluate …}) the jar is a command-line tool and Spring never starts; else the service. */
    public static void main(String[] args) {
        if (BootPlanCli.wants(args)) {
            System.exit(BootPlanCli.run(args));
        }
        SpringApplication.run(BootPlanApplication.class, args);
    }
}
