package org.ppay.cli;

import picocli.CommandLine.IVersionProvider;

/** Version line: the build's version plus the JVM that runs it. */
public final class PpayVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = PpayVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "ppay " + (version == null ? "development build" : version),
            "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        };
    }
}
