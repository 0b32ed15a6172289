package dev.bootplan.cli;

import picocli.CommandLine;

/** {@code --version}: the jar's version, from its manifest (a build from the sources in place has none). */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = BootPlanCli.class.getPackage().getImplementationVersion();
        return new String[] {"bootplan " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
